package io.groundbreak.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks infra/deploy (compose.yaml with haproxy.cfg, and k8s/*.yaml) against the build: every image is
 * one the build makes or a known third-party one; every port is the service's {@code server.port}; every
 * variable set for a service is one its configuration reads, and every one a cluster must set is set;
 * two replicas per service, three brokers, replication factor 3 and min ISR 2. Each problem is a sentence.
 */
final class DeploymentCheck {

    static final int SERVICE_REPLICAS = 2;
    static final int BROKERS = 3;
    static final String REPLICATION_FACTOR = "3";
    static final String MIN_INSYNC_REPLICAS = "2";

    private static final String KAFKA_IMAGE = "apache/kafka";
    private static final Set<String> THIRD_PARTY_IMAGES = Set.of("postgres:17", "haproxy:3.2", "quay.io/keycloak/keycloak:26.7.3");
    /** service-kit's groundbreak.security.issuer: the identity provider every service and the web app trust. */
    private static final String ISSUER = "GROUNDBREAK_SECURITY_ISSUER";
    /** Read by every Spring Boot service without a placeholder (relaxed binding of service-kit's properties, or Boot's own). */
    private static final Set<String> READ_WITHOUT_PLACEHOLDER = Set.of("SPRING_PROFILES_ACTIVE", ISSUER, "GROUNDBREAK_SECURITY_JWK_SET_URI");
    /** Read by one service through relaxed binding: the web app's groundbreak.web.client-id. */
    private static final Map<String, Set<String>> READ_BY_ONE = Map.of("web", Set.of("GROUNDBREAK_WEB_CLIENTID"));
    /**
     * What signed in before the identity provider (issue 21) and must not come back: the HS256 token secret, configured
     * users (groundbreak.security.users, which SPRING_CONFIG_IMPORT loaded from a users.yml).
     */
    private static final Pattern GONE_VARIABLES = Pattern.compile("GROUNDBREAK_SECURITY_TOKEN.*|GROUNDBREAK_SECURITY_USERS.*|SPRING_CONFIG_IMPORT");
    private static final Pattern GONE_KEYS = Pattern.compile("token-secret|users\\.ya?ml");
    /** Variables whose single-node default is wrong on three brokers, and the value they must have. */
    private static final Map<String, String> CLUSTER_VALUES = Map.of(
            "GROUNDBREAK_KAFKA_REPLICATION_FACTOR", REPLICATION_FACTOR,
            "GROUNDBREAK_KAFKA_MIN_INSYNC_REPLICAS", MIN_INSYNC_REPLICAS);
    /** What every broker must say, compose or Kubernetes (the apache/kafka image's variables). */
    private static final Map<String, String> BROKER_VALUES = Map.of(
            "KAFKA_DEFAULT_REPLICATION_FACTOR", REPLICATION_FACTOR,
            "KAFKA_MIN_INSYNC_REPLICAS", MIN_INSYNC_REPLICAS,
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", REPLICATION_FACTOR,
            "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", REPLICATION_FACTOR,
            "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", MIN_INSYNC_REPLICAS,
            "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", REPLICATION_FACTOR,
            "KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", MIN_INSYNC_REPLICAS);
    private static final Pattern DEV_TCP_PORT = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)");

    private final BuildFacts build;
    private final Path deploy;
    private final List<String> problems = new ArrayList<>();

    private DeploymentCheck(BuildFacts build, Path deploy) {
        this.build = build;
        this.deploy = deploy;
    }

    /** The problems of the deployment under {@code root}/infra/deploy; empty when it matches the build. */
    static List<String> problems(Path root) throws Exception {
        DeploymentCheck check = new DeploymentCheck(BuildFacts.read(root), root.resolve("infra/deploy"));
        check.images();
        check.compose();
        check.kubernetes();
        return check.problems;
    }

    private void images() {
        expect(!build.imageUser().isEmpty() && !build.imageUser().startsWith("0") && !build.imageUser().startsWith("root"),
                "the images must run as a non-root user, not %s", build.imageUser());
        expect(build.jvmFlags().stream().anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage=")),
                "the images' JVM must size its heap from the container's memory (-XX:MaxRAMPercentage), not %s", build.jvmFlags());
        build.services().values().forEach(s -> expect(s.imagePort() == s.serverPort(),
                "the image of %s exposes %d, its server.port is %d", s.name(), s.imagePort(), s.serverPort()));
    }

    // ---- compose.yaml and haproxy.cfg

    private void compose() throws IOException {
        Map<String, Object> services = map(load(deploy.resolve("compose.yaml")).get(0).get("services"));
        Haproxy haproxy = Haproxy.read(deploy.resolve("haproxy.cfg"));
        Set<String> built = new HashSet<>();
        int brokers = 0;
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String where = "compose service " + entry.getKey();
            Map<String, Object> definition = map(entry.getValue());
            String image = str(definition.get("image"));
            Map<String, String> environment = strings(map(definition.get("environment")));
            ServiceConfig service = build.byImage(image);
            if (service != null) {
                built.add(service.name());
                expect(entry.getKey().equals(service.name()), "%s runs %s's image under another name", where, service.name());
                expect(Objects.equals(map(definition.get("deploy")).get("replicas"), SERVICE_REPLICAS),
                        "%s: replicas must be %d", where, SERVICE_REPLICAS);
                expect(list(definition.get("expose")).stream().map(String::valueOf).toList().equals(List.of(String.valueOf(service.serverPort()))),
                        "%s exposes %s, its server.port is %d", where, definition.get("expose"), service.serverPort());
                Matcher probe = DEV_TCP_PORT.matcher(String.join(" ", list(map(definition.get("healthcheck")).get("test")).stream().map(String::valueOf).toList()));
                expect(probe.find() && Integer.parseInt(probe.group(1)) == service.serverPort(),
                        "%s: its health check must ask port %d", where, service.serverPort());
                variables(where, service, environment);
                environment.forEach((name, value) -> {
                    Placeholder read = service.variables().get(name);
                    if (read != null && name.endsWith("_URL")) {
                        expect(composeTarget(value, services, haproxy).equals(target(read)),
                                "%s: %s=%s does not reach %s", where, name, value, target(read));
                    }
                });
            } else if (image.startsWith(KAFKA_IMAGE + ":")) {
                brokers++;
                broker(where, image, environment);
            } else {
                expect(THIRD_PARTY_IMAGES.contains(image), "%s: image %s is neither built here nor a known third-party one", where, image);
            }
            if (image.startsWith("haproxy:")) {
                haproxy(where, definition, haproxy);
            }
        }
        expect(built.equals(build.services().keySet()), "compose runs %s, the build makes images of %s", built, build.services().keySet());
        expect(brokers == BROKERS, "compose runs %d brokers, not %d", brokers, BROKERS);
        realms();
    }

    /** The realms compose's Keycloak imports hold no user: the -dev ones are published, a city creates its own. */
    private void realms() throws IOException {
        Path directory = deploy.resolve("keycloak");
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(file);
                Map<String, Object> realm = map(new Yaml().load(text)); // JSON is YAML
                expect(list(realm.get("users")).isEmpty() && !text.contains("-dev\""),
                        "keycloak/%s holds users or -dev secrets: a city creates its own (README.md)", file.getFileName());
            }
        }
    }

    private void haproxy(String where, Map<String, Object> definition, Haproxy haproxy) {
        Set<String> published = new HashSet<>(list(definition.get("ports")).stream().map(String::valueOf).toList());
        for (ServiceConfig service : build.services().values()) {
            int port = service.serverPort();
            expect(published.contains(port + ":" + port), "%s must publish %d:%d (%s)", where, port, port, service.name());
            Haproxy.Backend backend = haproxy.frontends().containsKey(port) ? haproxy.backends().get(haproxy.frontends().get(port)) : null;
            expect(backend != null && backend.host().equals(service.name()) && backend.port() == port && backend.count() == SERVICE_REPLICAS,
                    "haproxy.cfg: port %d must lead to %d servers %s:%d, not %s", port, SERVICE_REPLICAS, service.name(), port, backend);
        }
    }

    /** The service a URL reaches in compose: directly, or through HAProxy's frontend on that port. */
    private String composeTarget(String url, Map<String, Object> services, Haproxy haproxy) {
        URI uri = URI.create(url);
        ServiceConfig direct = build.services().get(uri.getHost());
        if (direct != null) {
            return direct.serverPort() == uri.getPort() ? direct.name() : "nothing (" + direct.name() + " listens elsewhere)";
        }
        Object definition = services.get(uri.getHost());
        if (definition != null && str(map(definition).get("image")).startsWith("haproxy:")) {
            Haproxy.Backend backend = haproxy.backends().get(haproxy.frontends().get(uri.getPort()));
            ServiceConfig behind = backend == null ? null : build.services().get(backend.host());
            if (behind != null && behind.serverPort() == backend.port()) {
                return behind.name();
            }
        }
        return "nothing";
    }

    // ---- k8s/*.yaml

    private void kubernetes() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(deploy.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                documents.addAll(load(file));
            }
        }
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        Map<String, Set<String>> secrets = new HashMap<>();
        Map<String, Map<String, Object>> k8sServices = new HashMap<>();
        for (Map<String, Object> document : documents) {
            String name = str(map(document.get("metadata")).get("name"));
            switch (str(document.get("kind"))) {
                case "ConfigMap" -> {
                    configMaps.put(name, strings(map(document.get("data"))));
                    noSignInOfBefore("ConfigMap " + name, configMaps.get(name).keySet());
                }
                case "Secret" -> {
                    Set<String> keys = new HashSet<>(map(document.get("stringData")).keySet());
                    keys.addAll(map(document.get("data")).keySet());
                    secrets.put(name, keys);
                    noSignInOfBefore("Secret " + name, keys);
                }
                case "Service" -> k8sServices.put(name, document);
                default -> { }
            }
        }
        Set<String> deployed = new HashSet<>();
        int brokers = 0;
        for (Map<String, Object> document : documents) {
            String kind = str(document.get("kind"));
            if (!kind.equals("Deployment") && !kind.equals("StatefulSet")) {
                continue;
            }
            String name = str(map(document.get("metadata")).get("name"));
            Map<String, Object> spec = map(document.get("spec"));
            for (Object item : list(map(map(spec.get("template")).get("spec")).get("containers"))) {
                Map<String, Object> container = map(item);
                String where = kind + " " + name;
                String image = str(container.get("image"));
                Map<String, String> environment = k8sEnvironment(where, container, configMaps, secrets);
                ServiceConfig service = build.byImage(image);
                if (service != null) {
                    deployed.add(service.name());
                    expect(kind.equals("Deployment") && name.equals(service.name()), "%s runs %s's image under another name", where, service.name());
                    expect(Objects.equals(spec.get("replicas"), SERVICE_REPLICAS), "%s: replicas must be %d", where, SERVICE_REPLICAS);
                    List<Object> ports = list(container.get("ports")).stream().map(p -> map(p).get("containerPort")).toList();
                    expect(ports.equals(List.of(service.serverPort())), "%s: container ports %s, its server.port is %d", where, ports, service.serverPort());
                    probe(where, container, "startupProbe", "/actuator/health/liveness", service.serverPort());
                    probe(where, container, "livenessProbe", "/actuator/health/liveness", service.serverPort());
                    probe(where, container, "readinessProbe", "/actuator/health/readiness", service.serverPort());
                    variables(where, service, environment);
                    Map<String, Object> pod = map(map(map(spec.get("template")).get("spec")).get("securityContext"));
                    expect(Boolean.TRUE.equals(pod.get("runAsNonRoot")) && String.valueOf(pod.get("runAsUser")).equals(build.imageUser().split(":")[0]),
                            "%s must run as non-root %s, the images' user", where, build.imageUser());
                    expect(map(map(container.get("resources")).get("limits")).containsKey("memory"),
                            "%s: a memory limit, which the image's heap is sized from", where);
                    environment.forEach((variable, value) -> {
                        Placeholder read = service.variables().get(variable);
                        if (read != null && variable.endsWith("_URL")) {
                            expect(k8sTarget(value, k8sServices).equals(target(read)),
                                    "%s: %s=%s does not reach %s", where, variable, value, target(read));
                        }
                    });
                } else if (image.startsWith(KAFKA_IMAGE + ":")) {
                    brokers += spec.get("replicas") instanceof Integer replicas ? replicas : 1;
                    broker(where, image, environment);
                } else {
                    expect(THIRD_PARTY_IMAGES.contains(image), "%s: image %s is neither built here nor a known third-party one", where, image);
                }
            }
        }
        expect(deployed.equals(build.services().keySet()), "k8s deploys %s, the build makes images of %s", deployed, build.services().keySet());
        expect(brokers == BROKERS, "k8s runs %d brokers, not %d", brokers, BROKERS);
        k8sServices.forEach((name, document) -> {
            ServiceConfig service = build.services().get(selected(document));
            if (service != null) {
                for (Object item : list(map(document.get("spec")).get("ports"))) {
                    Map<String, Object> port = map(item);
                    expect(Objects.equals(port.get("port"), service.serverPort()) && Objects.equals(port.get("targetPort"), service.serverPort()),
                            "Service %s: port %s → %s, %s's server.port is %d", name, port.get("port"), port.get("targetPort"), service.name(), service.serverPort());
                }
            }
        });
    }

    private Map<String, String> k8sEnvironment(String where, Map<String, Object> container,
                                               Map<String, Map<String, String>> configMaps, Map<String, Set<String>> secrets) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object item : list(container.get("env"))) {
            Map<String, Object> variable = map(item);
            String name = str(variable.get("name"));
            Map<String, Object> from = map(variable.get("valueFrom"));
            if (from.containsKey("configMapKeyRef")) {
                Map<String, Object> ref = map(from.get("configMapKeyRef"));
                String value = configMaps.getOrDefault(str(ref.get("name")), Map.of()).get(str(ref.get("key")));
                expect(value != null, "%s: %s names ConfigMap %s key %s, which does not exist", where, name, ref.get("name"), ref.get("key"));
                environment.put(name, value == null ? "" : value);
            } else if (from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from.get("secretKeyRef"));
                expect(secrets.getOrDefault(str(ref.get("name")), Set.of()).contains(str(ref.get("key"))),
                        "%s: %s names Secret %s key %s, which does not exist", where, name, ref.get("name"), ref.get("key"));
                environment.put(name, "(secret)");
            } else {
                environment.put(name, variable.get("value") == null ? "(from the pod)" : String.valueOf(variable.get("value")));
            }
        }
        return environment;
    }

    private void probe(String where, Map<String, Object> container, String probe, String path, int port) {
        Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
        expect(path.equals(get.get("path")) && Objects.equals(get.get("port"), port),
                "%s: %s must GET %s on %d, not %s on %s", where, probe, path, port, get.get("path"), get.get("port"));
    }

    /** The built service a URL reaches through a Kubernetes Service: by its selector, on the right port. */
    private String k8sTarget(String url, Map<String, Map<String, Object>> k8sServices) {
        URI uri = URI.create(url);
        Map<String, Object> document = k8sServices.get(uri.getHost());
        ServiceConfig behind = document == null ? null : build.services().get(selected(document));
        if (behind == null) {
            return "nothing";
        }
        boolean reaches = list(map(document.get("spec")).get("ports")).stream().map(DeploymentCheck::map)
                .anyMatch(p -> Objects.equals(p.get("port"), uri.getPort()) && Objects.equals(p.get("targetPort"), behind.serverPort()));
        return reaches ? behind.name() : "nothing";
    }

    private static String selected(Map<String, Object> k8sService) {
        return str(map(map(k8sService.get("spec")).get("selector")).get("app.kubernetes.io/name"));
    }

    // ---- what compose and Kubernetes share

    private void variables(String where, ServiceConfig service, Map<String, String> environment) {
        boolean local = environment.getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("local");
        for (String name : environment.keySet()) {
            if (GONE_VARIABLES.matcher(name).matches()) {
                problems.add("%s sets %s: no token secret and no configured users, the identity provider signs in (docs/identity.md)".formatted(where, name));
                continue;
            }
            expect(service.variables().containsKey(name) || READ_WITHOUT_PLACEHOLDER.contains(name)
                            || READ_BY_ONE.getOrDefault(service.name(), Set.of()).contains(name),
                    "%s sets %s, which %s's configuration does not read", where, name, service.name());
        }
        for (Placeholder read : service.variables().values()) {
            boolean required = read.defaultValue() == null || read.defaultIsLoopback() || CLUSTER_VALUES.containsKey(read.name())
                    || (!local && read.defaultIsEmpty());
            expect(!required || environment.containsKey(read.name()), "%s must set %s (%s)", where, read.name(), read.property());
        }
        if (!local) {
            expect(environment.containsKey(ISSUER), "%s must set %s outside profile local", where, ISSUER);
        }
        expect(!"(secret)".equals(environment.get(ISSUER)), "%s: %s is configuration, not a Secret", where, ISSUER);
        CLUSTER_VALUES.forEach((name, value) -> expect(!environment.containsKey(name) || value.equals(environment.get(name)),
                "%s: %s must be %s, not %s", where, name, value, environment.get(name)));
    }

    private void noSignInOfBefore(String where, Set<String> keys) {
        keys.stream().filter(key -> GONE_KEYS.matcher(key).matches()).forEach(key -> problems.add(
                "%s holds %s: no token secret and no configured users, the identity provider signs in (docs/identity.md)".formatted(where, key)));
    }

    private void broker(String where, String image, Map<String, String> environment) {
        expect(image.equals(KAFKA_IMAGE + ":" + build.kafkaVersion()), "%s: %s, the build's Kafka is %s", where, image, build.kafkaVersion());
        BROKER_VALUES.forEach((name, value) -> expect(value.equals(environment.get(name)),
                "%s: %s must be %s, not %s", where, name, value, environment.get(name)));
        String voters = environment.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
        expect(voters.split(",").length == BROKERS, "%s: the quorum %s must have %d voters", where, voters, BROKERS);
    }

    /** The service a URL placeholder must reach: the one its property names (groundbreak.web.services.funnel-service). */
    private String target(Placeholder read) {
        List<String> segments = new ArrayList<>(List.of(read.property().split("\\.")));
        Collections.reverse(segments);
        return segments.stream().filter(build.services()::containsKey).findFirst().orElse("an unknown service");
    }

    private void expect(boolean condition, String problem, Object... arguments) {
        if (!condition) {
            problems.add(problem.formatted(arguments));
        }
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((key, value) -> strings.put(key, str(value)));
        return strings;
    }
}
