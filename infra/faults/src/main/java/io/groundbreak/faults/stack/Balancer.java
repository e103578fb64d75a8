package io.groundbreak.faults.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy in front of the cluster's instances, from {@code infra/cluster/haproxy.cfg.template} (the one
 * {@code infra/local.sh up --cluster} renders too), in the foreground ({@code -db}) as a child of the suite.
 * Its stats page tells which instances it takes as up.
 */
public final class Balancer implements AutoCloseable {

    private static final String RESOURCES = "io/groundbreak/faults/cluster/";
    private static final Pattern PLACEHOLDER = Pattern.compile("@[A-Z0-9_]+@");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final Path config;
    private final Path log;
    private final int statsPort;
    private Process process;

    private Balancer(Path config, Path log, int statsPort) {
        this.config = config;
        this.log = log;
        this.statsPort = statsPort;
    }

    /**
     * Renders the configuration into {@code home} and starts HAProxy; fails when it is not installed.
     *
     * @param ports every {@code @NAME@} of the template but {@code @STATE@} and {@code @CLUSTER_DIR@}
     *              ({@code WEB_PORT}, {@code MILESTONE_1_PORT}, …, {@code STATS_PORT})
     */
    public static Balancer start(Path home, Map<String, Integer> ports) {
        requireInstalled();
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("haproxy-503.http"), resource("haproxy-503.http"), StandardCharsets.UTF_8);
            Map<String, String> values = new HashMap<>();
            ports.forEach((name, port) -> values.put("@" + name + "@", Integer.toString(port)));
            values.put("@STATE@", home.toAbsolutePath().toString());
            values.put("@CLUSTER_DIR@", home.toAbsolutePath().toString());
            Path config = home.resolve("haproxy.cfg");
            Files.writeString(config, render(resource("haproxy.cfg.template"), values), StandardCharsets.UTF_8);
            Balancer balancer = new Balancer(config, home.resolve("haproxy.log"), ports.get("STATS_PORT"));
            balancer.launch(List.of());
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every placeholder filled in; one left over is a template this code does not know. */
    static String render(String template, Map<String, String> values) {
        String rendered = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            rendered = rendered.replace(value.getKey(), value.getValue());
        }
        // comments may name the placeholders; the configuration itself must have none left
        Matcher left = PLACEHOLDER.matcher(rendered.lines().filter(line -> !line.strip().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n")));
        if (left.find()) {
            throw new IllegalStateException("haproxy.cfg.template has " + left.group() + ", which the suite does not fill in");
        }
        return rendered;
    }

    private static void requireInstalled() {
        try {
            Process version = new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            if (version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // not on the PATH: said below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("HAProxy is not installed (the cluster runs behind it): apt-get install haproxy, "
                + "or run infra/local.sh faults --cluster, which installs it");
    }

    private synchronized void launch(List<String> extra) {
        try {
            Files.writeString(log, "\n==== " + Instant.now() + " start of haproxy ====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            List<String> command = new java.util.ArrayList<>(List.of("haproxy", "-f", config.toAbsolutePath().toString(), "-db"));
            command.addAll(extra);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start haproxy", e);
        }
        awaitServing();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /**
     * A graceful restart, as an operator does it: a new HAProxy takes over the ports ({@code -sf}), the old one
     * finishes the requests it holds and exits. Connections are never refused meanwhile.
     */
    public synchronized void reload() {
        Process old = process;
        launch(List.of("-sf", Long.toString(old.pid())));
        try {
            if (!old.waitFor(150, TimeUnit.SECONDS)) {
                old.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until HAProxy takes {@code server} (e.g. {@code milestone-service-2}) as up and sends it requests. */
    public void awaitUp(String server, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (!"UP".equals(status().get(server))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("HAProxy does not take " + server + " as up after " + atMost
                        + " (status " + status().get(server) + "); see " + log);
            }
            ServiceJvm.pause(Duration.ofMillis(250));
        }
    }

    /** Each server's status as HAProxy's stats page says it (UP, DOWN, "UP 1/2", …); empty when it does not answer. */
    public Map<String, String> status() {
        Map<String, String> status = new HashMap<>();
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String> lines = answer.body().lines().toList();
            if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
                return status;
            }
            List<String> header = List.of(lines.get(0).substring(2).split(",", -1));
            int name = header.indexOf("svname");
            int state = header.indexOf("status");
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", -1);
                if (fields.length > Math.max(name, state)) {
                    status.put(fields[name], fields[state]);
                }
            }
        } catch (IOException e) {
            // not answering: nothing is known to be up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    private void awaitServing() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (status().isEmpty()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("HAProxy did not start; see " + log);
            }
            ServiceJvm.pause(Duration.ofMillis(100));
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static String resource(String name) {
        try (InputStream in = Balancer.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " is not in the suite's jar; rebuild infra/faults");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
