package io.groundbreak.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;

/**
 * What the build says the deployment must match, read from the sources (no Maven model, no network): the
 * services that have an image (a profile {@code images} declaring Jib in their pom), each image's name and
 * port, each service's {@code server.port} and the variables its configuration reads; the images' user and
 * JVM options; and the Kafka version.
 */
record BuildFacts(Map<String, ServiceConfig> services, String kafkaVersion, String imageUser, List<String> jvmFlags) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static BuildFacts read(Path root) throws Exception {
        Document rootPom = xml(root.resolve("pom.xml"));
        String version = child(rootPom.getDocumentElement(), "version").getTextContent().trim();
        String kafkaVersion = child(child(rootPom.getDocumentElement(), "properties"), "kafka.version").getTextContent().trim();
        Element jib = jibPlugin(child(child(rootPom.getDocumentElement(), "build"), "pluginManagement"));
        String imageTemplate = path(jib, "configuration", "to", "image").getTextContent().trim();
        String imageUser = path(jib, "configuration", "container", "user").getTextContent().trim();
        List<String> jvmFlags = children(path(jib, "configuration", "container", "jvmFlags"), "jvmFlag").stream()
                .map(flag -> flag.getTextContent().trim()).toList();

        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        for (Element module : children(child(rootPom.getDocumentElement(), "modules"), "module")) {
            Path dir = root.resolve(module.getTextContent().trim());
            Document pom = xml(dir.resolve("pom.xml"));
            Element images = imagesProfile(pom);
            if (images == null) {
                continue;
            }
            String name = child(pom.getDocumentElement(), "artifactId").getTextContent().trim();
            Element plugin = jibPlugin(child(images, "build"));
            int imagePort = Integer.parseInt(path(plugin, "configuration", "container", "ports", "port").getTextContent().trim());
            String image = imageTemplate.replace("${project.artifactId}", name).replace("${project.version}", version);
            services.put(name, configuration(name, image, imagePort, dir.resolve("src/main/resources")));
        }
        return new BuildFacts(services, kafkaVersion, imageUser, jvmFlags);
    }

    ServiceConfig byImage(String image) {
        return services.values().stream().filter(s -> s.image().equals(image)).findFirst().orElse(null);
    }

    private static ServiceConfig configuration(String name, String image, int imagePort, Path resources) throws IOException {
        Integer serverPort = null;
        Map<String, Placeholder> variables = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(resources)) {
            files = list.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml")).sorted().toList();
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Object document : new Yaml().loadAll(in)) {
                    if (document instanceof Map<?, ?> map && map.get("server") instanceof Map<?, ?> server
                            && server.get("port") instanceof Integer port && serverPort == null) {
                        serverPort = port;
                    }
                    collect(document, "", variables);
                }
            }
        }
        if (serverPort == null) {
            throw new IllegalStateException(name + ": no server.port in " + resources);
        }
        return new ServiceConfig(name, image, imagePort, serverPort, variables);
    }

    private static void collect(Object node, String property, Map<String, Placeholder> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, property.isEmpty() ? key.toString() : property + "." + key, into));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, property, into));
        } else if (node instanceof String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                into.putIfAbsent(matcher.group(1), new Placeholder(matcher.group(1), property, matcher.group(2)));
            }
        }
    }

    private static Element imagesProfile(Document pom) {
        Element profiles = child(pom.getDocumentElement(), "profiles");
        if (profiles == null) {
            return null;
        }
        for (Element profile : children(profiles, "profile")) {
            if ("images".equals(child(profile, "id").getTextContent().trim()) && jibPlugin(child(profile, "build")) != null) {
                return profile;
            }
        }
        return null;
    }

    private static Element jibPlugin(Element build) {
        for (Element plugin : children(child(build, "plugins"), "plugin")) {
            if ("jib-maven-plugin".equals(child(plugin, "artifactId").getTextContent().trim())) {
                return plugin;
            }
        }
        return null;
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element path(Element from, String... names) {
        Element element = from;
        for (String name : names) {
            element = child(element, name);
            if (element == null) {
                throw new IllegalStateException("no <" + String.join("/", names) + "> under <" + from.getTagName() + ">");
            }
        }
        return element;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
