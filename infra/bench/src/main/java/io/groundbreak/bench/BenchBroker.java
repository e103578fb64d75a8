package io.groundbreak.bench;

import io.groundbreak.kafka.BrokerFiles;
import io.groundbreak.testsupport.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.awaitility.Awaitility;

/**
 * The run's own single-node KRaft broker, a child JVM from the Maven jars of {@code infra/kafka-broker},
 * tuned for throughput ({@link BrokerFiles.Tuning#THROUGHPUT}: full JIT, G1) as the local stack runs it, except in
 * the smoke run. test-support's broker is always tuned to start quickly (C1 only, serial GC), which would
 * understate Kafka's raw limits and so flatter every ratio. Stopped and started again on the same ports for the publisher's
 * backlog.
 */
final class BenchBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final BrokerFiles.Tuning tuning;
    private Process process;
    /** Where the current launch's output starts in broker.log. */
    private long logStart;

    BenchBroker(Path home, BrokerFiles.Tuning tuning) {
        this.home = home.toAbsolutePath();
        this.tuning = tuning;
        int[] ports = FreePorts.take(2);
        this.port = ports[0];
        this.controllerPort = ports[1];
        BrokerFiles.writeConfig(this.home, ports[0], ports[1]);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Starts the broker (formatting its storage the first time) and waits until it serves requests. If one
     * of its ports was taken meanwhile by something else on the machine, it waits for the port and tries again.
     */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                launchAndAwait();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3 || !logTail().contains("Address already in use")) {
                    throw e;
                }
                Awaitility.await("ports " + port + " and " + controllerPort + " free again").atMost(START_TIMEOUT)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> FreePorts.isFree(port) && FreePorts.isFree(controllerPort));
            }
        }
    }

    private void launchAndAwait() {
        try {
            Files.writeString(home.resolve("broker.log"), "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logStart = logLength();
            process = new ProcessBuilder(BrokerFiles.brokerCommand(home, ProcessHandle.current().pid(), tuning))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch the Kafka broker", e);
        }
        Process child = process;
        Awaitility.await("Kafka broker on " + bootstrapServers()).atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!child.isAlive()) {
                        throw new IllegalStateException("The Kafka broker exited with " + child.exitValue()
                                + "; see " + home.resolve("broker.log"));
                    }
                    return portAnswers();
                });
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) START_TIMEOUT.toMillis()))
                    .nodes().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Kafka broker on " + bootstrapServers() + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the broker logged since its last launch. */
    private String logTail() {
        try {
            String log = Files.readString(home.resolve("broker.log"));
            return log.substring((int) Math.min(logStart, log.length()));
        } catch (IOException e) {
            return "";
        }
    }

    private long logLength() {
        try {
            return Files.size(home.resolve("broker.log"));
        } catch (IOException e) {
            return 0;
        }
    }

    /** A controlled shutdown (SIGTERM), as an operator stops it; killed if it hangs. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        ServiceJvm.stopGracefully(process);
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean portAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The process id, 0 when it does not run. */
    synchronized long pid() {
        return process == null ? 0 : process.pid();
    }

    /** The broker JVM's resident memory now, in KiB (0 when it does not run). */
    synchronized long residentKib() {
        return process == null ? 0 : Memory.residentKib(process.pid());
    }
}
