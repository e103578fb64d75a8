package io.groundbreak.faults.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Groundbreak service as a JVM of its own, from its runnable jar, always on the same port, with a log that
 * every start appends to. Unlike test-support's {@code ServiceProcess} it can be killed (SIGKILL), frozen
 * (SIGSTOP), resumed (SIGCONT) and started again with the same command line: the faults need all four.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    /** @param heap the JVM's {@code -Xmx} ({@code 384m}; less when eight of them share the machine) */
    ServiceJvm(String name, Path jar, int port, Map<String, String> environment, Path log, String heap) {
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.log = log;
        this.command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quick start on a busy 2-core machine matters more here than peak speed
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toAbsolutePath().toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path log() {
        return log;
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " does not run");
        }
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Launches the JVM (a no-op while one runs); {@link #awaitHealthy()} waits for it to answer. */
    public synchronized ServiceJvm start() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "\n==== " + Instant.now() + " start of " + name + " ====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200; a JVM that dies meanwhile says so, with its log. */
    public ServiceJvm awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            Process child;
            synchronized (this) {
                child = process;
            }
            if (child == null || !child.isAlive()) {
                throw new IllegalStateException(name + " is not running" + (child == null ? "" : " (exit "
                        + child.exitValue() + ")") + "; see " + log);
            }
            if (healthy()) {
                return this;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " is not healthy after " + START_TIMEOUT + "; see " + log);
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** Root health answers 200 (UP, or a status that maps to 200 such as DEGRADED on the root). */
    public boolean healthy() {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(url("/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: a crash, nothing flushed, no shutdown hook. Returns once the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGTERM and a graceful shutdown (consumers leave their group); SIGKILL after 60 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        signal("CONT"); // a frozen JVM cannot shut down
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** SIGSTOP: the JVM keeps its sockets but does nothing, as a long GC pause or a frozen VM would. */
    public void freeze() {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void resume() {
        signal("CONT");
    }

    private synchronized void signal(String signal) {
        if (process != null && process.isAlive()) {
            Signals.send(process.pid(), signal);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
