package io.groundbreak.testsupport;

import io.groundbreak.kafka.BrokerFiles;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real KRaft broker in a child JVM, run from the jars that {@code infra/kafka-broker} resolved at build
 * time: a single node, or one node of a cluster ({@link #startCluster}). Listens on 127.0.0.1 only; its data
 * and log ({@code broker.log}) live in {@link #home()}. The child exits by itself when this JVM is gone, even
 * after kill -9.
 */
public final class ChildProcessKafkaBroker implements KafkaBroker, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcessKafkaBroker.class);
    /** ~3 s on a quiet machine; a node restarted into a loaded cluster took 108 s (infra/faults/CLUSTER-REPORT.md). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private Process process;
    private long launchedAt;

    private ChildProcessKafkaBroker(Path home, int port, int controllerPort) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a new broker in {@code home} on two free loopback ports. */
    public static ChildProcessKafkaBroker startNew(Path home) {
        int[] ports = freePorts(2);
        return startNew(home, ports[0], ports[1]);
    }

    /** Starts a broker in {@code home} on the given ports, formatting its storage if it never was. */
    public static ChildProcessKafkaBroker startNew(Path home, int port, int controllerPort) {
        ChildProcessKafkaBroker broker = new ChildProcessKafkaBroker(home, port, controllerPort);
        BrokerFiles.writeConfig(broker.home, port, controllerPort);
        broker.start(); // formats the storage on its first start
        return broker;
    }

    /**
     * Starts a cluster of {@code size} nodes on free loopback ports, node N in {@code home/kafka-N}, and
     * returns once every node serves. The nodes are launched together: none is ready before a quorum of
     * controllers has formed.
     */
    public static List<ChildProcessKafkaBroker> startCluster(Path home, int size) {
        int[] ports = freePorts(2 * size);
        List<BrokerFiles.Node> quorum = java.util.stream.IntStream.rangeClosed(1, size)
                .mapToObj(id -> new BrokerFiles.Node(id, ports[2 * id - 2], ports[2 * id - 1])).toList();
        String clusterId = BrokerFiles.newClusterId();
        List<ChildProcessKafkaBroker> nodes = quorum.stream().map(node -> {
            ChildProcessKafkaBroker broker = new ChildProcessKafkaBroker(home.resolve("kafka-" + node.id()),
                    node.port(), node.controllerPort());
            BrokerFiles.writeClusterConfig(broker.home, node, quorum, clusterId);
            return broker;
        }).toList();
        nodes.forEach(ChildProcessKafkaBroker::launch);
        nodes.forEach(ChildProcessKafkaBroker::awaitStarted);
        return nodes;
    }

    public Path home() {
        return home;
    }

    public int port() {
        return port;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The child JVM's pid, to signal it (SIGSTOP, SIGCONT). */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("the broker on " + bootstrapServers() + " does not run");
        }
        return process.pid();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        launch();
        awaitStarted();
    }

    private synchronized void launch() {
        launchedAt = System.nanoTime();
        try {
            process = new ProcessBuilder(BrokerFiles.brokerCommand(home, ProcessHandle.current().pid(), BrokerFiles.Tuning.QUICK_START))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch the Kafka broker JVM", e);
        }
    }

    private void awaitStarted() {
        awaitReady();
        log.info("Kafka broker (pid {}) serves {} after {} ms; data and log in {}", pid(), bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - launchedAt).toMillis(), home);
    }

    /** Stops the broker the way an operator would (SIGTERM, controlled shutdown), killing it if it hangs. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Kafka broker did not stop within {}; killing it", STOP_TIMEOUT);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Kills the broker outright (SIGKILL), as a crash would: no controlled shutdown, log recovery on start. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the broker (its data is thrown away anyway) and deletes its home folder. */
    @Override
    public synchronized void close() {
        kill();
        deleteRecursively(home);
    }

    /**
     * Waits until the broker answers a DescribeCluster request. First the port is polled with plain TCP
     * connects (silent, unlike an AdminClient that logs every refused connection), failing at once if
     * the child died; then one DescribeCluster confirms that requests are served, not just accepted.
     */
    private void awaitReady() {
        Process child;
        synchronized (this) {
            child = process;
        }
        Awaitility.await("Kafka broker on " + bootstrapServers())
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!child.isAlive()) {
                        throw new IllegalStateException("The Kafka broker exited with " + child.exitValue()
                                + " while starting" + logTail());
                    }
                    return portAnswers("127.0.0.1", port);
                });
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "groundbreak-readiness-probe");
        try (Admin admin = Admin.create(config)) {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) START_TIMEOUT.toMillis()))
                    .nodes().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS).size();
            if (nodes == 0) {
                throw new IllegalStateException("The Kafka broker answered with no nodes" + logTail());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Kafka broker on " + bootstrapServers() + " does not answer" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path logFile() {
        return home.resolve("broker.log");
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return "; last lines of " + logFile() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "; no log at " + logFile();
        }
    }

    static boolean portAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ports the OS hands out as free right now, all open at once so that they differ. */
    static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // the port is free either way
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a temp folder left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }
}
