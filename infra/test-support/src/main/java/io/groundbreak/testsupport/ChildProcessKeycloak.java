package io.groundbreak.testsupport;

import io.groundbreak.keycloak.KeycloakAdmin;
import io.groundbreak.keycloak.KeycloakDist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak in a child process ({@code kc.sh start --optimized}) from the distribution infra/keycloak unpacked,
 * on a free loopback port, with a database of its own; its log is {@code keycloak.log} in a temp folder. It ends
 * by itself when this JVM is gone, even after kill -9 (infra/keycloak's {@code ParentWatch}).
 */
final class ChildProcessKeycloak implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcessKeycloak.class);
    /**
     * 25 s on a fresh database on a quiet 2-core machine (its schema is created), 55-75 s beside other builds, 200 s
     * beside four Spring Boot JVMs starting; the first start after a build of infra/keycloak runs kc.sh build first.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final String HEAP = "512m";
    /**
     * The C1 compiler only: a start on a fresh database took 21-25 s against 31-32 s with the full JIT (two runs
     * each, load average 6); the tests send Keycloak too few requests to miss C2.
     */
    private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    private final Process process;
    private final Path home;
    private final URI baseUrl;

    private ChildProcessKeycloak(Process process, Path home, URI baseUrl) {
        this.process = process;
        this.home = home;
        this.baseUrl = baseUrl;
    }

    /** Starts Keycloak on {@code database} and returns once the master realm is served. */
    static ChildProcessKeycloak startNew(TestDatabase database) {
        long begin = System.nanoTime();
        KeycloakDist dist = KeycloakDist.unpacked();
        Path javaHome = KeycloakDist.javaHome(System.getenv());
        dist.ensureBuilt(javaHome);
        int port = ChildProcessKafkaBroker.freePorts(1)[0];
        try {
            Path home = Files.createTempDirectory("groundbreak-keycloak-");
            ProcessBuilder builder = new ProcessBuilder(dist.startCommand(port, database.jdbcUrl(), database.username()))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            List<String> jvmOptions = new ArrayList<>(KeycloakDist.parentWatch(ProcessHandle.current().pid()));
            jvmOptions.add(QUICK_START);
            builder.environment().putAll(KeycloakDist.environment(javaHome, IdentityProvider.ADMIN_USER,
                    IdentityProvider.ADMIN_PASSWORD, database.password(), HEAP, jvmOptions));
            ChildProcessKeycloak keycloak = new ChildProcessKeycloak(builder.start(), home,
                    URI.create("http://localhost:" + port));
            keycloak.awaitReady();
            log.info("Keycloak (pid {}, JDK {}) serves {} after {} ms; log in {}", keycloak.process.pid(), javaHome,
                    keycloak.baseUrl, Duration.ofNanos(System.nanoTime() - begin).toMillis(), home);
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch Keycloak", e);
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    private void awaitReady() {
        KeycloakAdmin probe = new KeycloakAdmin(baseUrl, IdentityProvider.ADMIN_USER, IdentityProvider.ADMIN_PASSWORD);
        Awaitility.await("Keycloak on " + baseUrl)
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                                + " while starting" + logTail());
                    }
                    return probe.serves("master");
                });
    }

    private String logTail() {
        Path file = home.resolve("keycloak.log");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "; last lines of " + file + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "; no log at " + file;
        }
    }

    /** SIGTERM (kc.sh hands it to Keycloak's JVM), then SIGKILL to both if it hangs; deletes the temp folder. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        ChildProcessKafkaBroker.deleteRecursively(home);
    }
}
