package io.groundbreak.testsupport.process;

import static org.awaitility.Awaitility.await;

import io.groundbreak.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Groundbreak service started from its runnable jar as a separate JVM, as in production. The jars
 * are read from the folder named by the system property {@code groundbreak.services.directory} (as
 * {@code NAME.jar}); logs go to {@code groundbreak.logs.directory}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the service on a free port; it answers once {@link #awaitHealthy()} returns. */
    public static ServiceProcess start(String name, TestDatabase database, String kafkaBootstrap, String... extraArguments)
            throws IOException {
        return start(name, freePort(), database, kafkaBootstrap, extraArguments);
    }

    public static ServiceProcess start(String name, int port, TestDatabase database, String kafkaBootstrap,
                                       String... extraArguments) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap));
        arguments.addAll(List.of(extraArguments));
        return start(name, port, arguments);
    }

    /** Starts the service NAME on PORT in profile {@code local} with these Spring Boot arguments only. */
    public static ServiceProcess start(String name, int port, List<String> arguments) throws IOException {
        return start(Path.of(System.getProperty("groundbreak.services.directory"), name + ".jar"), name, port,
                arguments, Path.of(System.getProperty("groundbreak.logs.directory")));
    }

    /**
     * Starts a runnable jar as the service NAME on PORT in profile {@code local} with these Spring Boot arguments,
     * logging to {@code LOGS/NAME.log}: for a module's own tests, which run its freshly packaged jar.
     */
    public static ServiceProcess start(Path jar, String name, int port, List<String> arguments, Path logs)
            throws IOException {
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-jar", jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(name, port, process, log);
    }

    /** Waits for Actuator to report UP; a process that died says so with its log's path. */
    public ServiceProcess awaitHealthy() {
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process outright (SIGKILL, as kill -9 does): no shutdown hook runs, nothing is said goodbye to. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
