package io.groundbreak.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Everything needed to run a KRaft broker as a child JVM, alone or as one node of a cluster: the broker's
 * classpath (resolved by Maven when this module was built), the rendered {@code server.properties} and
 * {@code log4j2.xml}, and the command line that runs it (formatting the storage on the first start).
 *
 * <p>Pure JDK on purpose: this class is used from test JVMs and from {@code infra/local.sh}, where
 * Kafka's own jars are not on the classpath (they are optional dependencies of this module).
 *
 * <p>A broker home folder holds {@code server.properties}, {@code log4j2.xml}, {@code data/} (the log dir)
 * and, for a node of a cluster, {@code cluster.id} (all nodes must format their storage with the same id).
 */
public final class BrokerFiles {

    public static final String CLASSPATH_RESOURCE = "io/groundbreak/kafka/broker.classpath";
    static final String TEMPLATE_RESOURCE = "io/groundbreak/kafka/server.properties.template";
    static final String LOG4J2_RESOURCE = "io/groundbreak/kafka/log4j2.xml";
    static final String CLUSTER_ID_FILE = "cluster.id";

    /** Set on the child JVM so that it exits when the JVM that started it is gone (see {@link ChildBroker}). */
    public static final String PARENT_PID_PROPERTY = "groundbreak.kafka.parent-pid";
    /** Set on the child JVM: the cluster id to format the storage with, if it is not formatted yet. */
    public static final String FORMAT_CLUSTER_ID_PROPERTY = "groundbreak.kafka.format-cluster-id";

    private BrokerFiles() {
    }

    /**
     * The broker's classpath: Kafka's jars from the local Maven repository plus this module's own code
     * (for {@link ChildBroker}). Fails with a clear message if a jar has gone from the repository.
     */
    public static String classpath() {
        String resolved = readResource(CLASSPATH_RESOURCE).strip();
        List<String> entries = new ArrayList<>(Arrays.asList(resolved.split(java.io.File.pathSeparator)));
        for (String entry : entries) {
            if (!Files.exists(Path.of(entry))) {
                throw new IllegalStateException("Kafka broker jar " + entry + " is missing; rebuild infra/kafka-broker "
                        + "(mvn -pl infra/kafka-broker install) so that Maven resolves it again");
            }
        }
        entries.add(ownLocation().toString());
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** One node of a KRaft cluster on this machine's loopback: broker and controller at once. */
    public record Node(int id, int port, int controllerPort) {

        /** {@code 1@127.0.0.1:9192}: the node as {@code controller.quorum.voters} names it. */
        String voter() {
            return id + "@127.0.0.1:" + controllerPort;
        }

        /** {@code 127.0.0.1:9092}: the node as a client's {@code bootstrap.servers} names it. */
        public String bootstrap() {
            return "127.0.0.1:" + port;
        }

        /** Parses {@code ID:PORT:CONTROLLER_PORT}, the form {@code infra/local.sh} passes. */
        static Node parse(String text) {
            String[] parts = text.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("a node is ID:PORT:CONTROLLER_PORT, not " + text);
            }
            return new Node(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
    }

    /**
     * Writes {@code server.properties} and {@code log4j2.xml} of a single-node broker into {@code home};
     * returns the properties file.
     */
    public static Path writeConfig(Path home, int port, int controllerPort) {
        Node node = new Node(1, port, controllerPort);
        return render(home, node, List.of(node));
    }

    /**
     * Writes the files of node {@code self} of the cluster {@code quorum} (every node, {@code self}
     * included) into {@code home}, with the cluster id its storage is formatted with; returns the
     * properties file. Three nodes or more replicate every topic three times with {@code min.insync.replicas=2}.
     */
    public static Path writeClusterConfig(Path home, Node self, List<Node> quorum, String clusterId) {
        if (!quorum.contains(self)) {
            throw new IllegalArgumentException("node " + self + " is not in the quorum " + quorum);
        }
        Path config = render(home, self, quorum);
        try {
            Files.writeString(home.resolve(CLUSTER_ID_FILE), clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** {@code 127.0.0.1:9092,127.0.0.1:9093,…}: the cluster as a client's {@code bootstrap.servers} names it. */
    public static String bootstrapServers(List<Node> quorum) {
        return String.join(",", quorum.stream().map(Node::bootstrap).toList());
    }

    private static Path render(Path home, Node self, List<Node> quorum) {
        int replication = Math.min(3, quorum.size());
        try {
            Files.createDirectories(home);
            Path dataDir = home.resolve("data").toAbsolutePath();
            String properties = readResource(TEMPLATE_RESOURCE)
                    .replace("@NODE_ID@", Integer.toString(self.id()))
                    .replace("@VOTERS@", String.join(",", quorum.stream().map(Node::voter).toList()))
                    .replace("@PORT@", Integer.toString(self.port()))
                    .replace("@CONTROLLER_PORT@", Integer.toString(self.controllerPort()))
                    .replace("@REPLICATION@", Integer.toString(replication))
                    // one replica may be away and writes still go on; one alone never acknowledges
                    .replace("@MIN_ISR@", Integer.toString(replication == 1 ? 1 : replication - 1))
                    // server.properties is a Java properties file: backslashes (Windows paths) need escaping
                    .replace("@LOG_DIR@", dataDir.toString().replace("\\", "\\\\"));
            Path config = home.resolve("server.properties");
            Files.writeString(config, properties);
            Files.writeString(home.resolve("log4j2.xml"), readResource(LOG4J2_RESOURCE));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the storage in {@code home/data} has been formatted (format must run exactly once). */
    public static boolean isFormatted(Path home) {
        return Files.exists(home.resolve("data").resolve("meta.properties"));
    }

    /** A random cluster id in Kafka's format (URL-safe base64 of 16 bytes, never starting with '-'). */
    public static String newClusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    /** How the broker JVM is tuned: for a quick start or for throughput. */
    public enum Tuning {
        /**
         * Integration tests: the C1 compiler only and the serial collector. Starts in about half the time on
         * a busy 2-core machine (measured 3.5 s against 7-9 s), at the cost of peak throughput.
         */
        QUICK_START("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        /** The local stack and benchmarks: full JIT, G1, the heap Kafka's own start script gives. */
        THROUGHPUT("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");

        private final List<String> options;

        Tuning(String... options) {
            this.options = List.of(options);
        }
    }

    /**
     * {@code java … kafka.Kafka server.properties}, through {@link ChildBroker}: it formats the storage
     * first if it never was (with the cluster's id, or a new one for a single node), and exits with the JVM
     * whose pid is given (pass {@code -1} for a broker that must outlive its starter).
     */
    public static List<String> brokerCommand(Path home, long parentPid, Tuning tuning) {
        List<String> jvmOptions = new ArrayList<>(tuning.options);
        jvmOptions.add("-Djava.awt.headless=true");
        jvmOptions.add("-D" + PARENT_PID_PROPERTY + "=" + parentPid);
        jvmOptions.add("-D" + FORMAT_CLUSTER_ID_PROPERTY + "=" + clusterId(home));
        List<String> command = javaCommand(home, jvmOptions);
        command.addAll(List.of(ChildBroker.class.getName(), home.resolve("server.properties").toAbsolutePath().toString()));
        return command;
    }

    private static String clusterId(Path home) {
        Path file = home.resolve(CLUSTER_ID_FILE);
        try {
            return Files.exists(file) ? Files.readString(file).strip() : newClusterId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> javaCommand(Path home, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + home.resolve("log4j2.xml").toAbsolutePath().toUri());
        command.add("-cp");
        command.add(classpath());
        return command;
    }

    private static Path ownLocation() {
        try {
            return Path.of(BrokerFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = BrokerFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + name + " not found; is infra/kafka-broker built?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For {@code infra/local.sh}, which has only a shell:
     * <ul>
     *   <li>{@code configure HOME PORT CONTROLLER_PORT} writes server.properties and log4j2.xml into HOME;</li>
     *   <li>{@code configure-node HOME ID CLUSTER_ID QUORUM} writes the files of node ID of a cluster into
     *       HOME, QUORUM naming every node as {@code ID:PORT:CONTROLLER_PORT,…};</li>
     *   <li>{@code cluster-id} prints a new cluster id;</li>
     *   <li>{@code command HOME} prints the broker's command line (tuned for throughput, not tied to the
     *       caller's life), one argument per line.</li>
     * </ul>
     */
    public static void main(String[] args) {
        if (args.length == 4 && args[0].equals("configure")) {
            writeConfig(Path.of(args[1]).toAbsolutePath(), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 5 && args[0].equals("configure-node")) {
            List<Node> quorum = Arrays.stream(args[4].split(",")).map(Node::parse).toList();
            int id = Integer.parseInt(args[2]);
            Node self = quorum.stream().filter(node -> node.id() == id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("node " + id + " is not in " + args[4]));
            writeClusterConfig(Path.of(args[1]).toAbsolutePath(), self, quorum, args[3]);
        } else if (args.length == 1 && args[0].equals("cluster-id")) {
            System.out.println(newClusterId());
        } else if (args.length == 2 && args[0].equals("command")) {
            brokerCommand(Path.of(args[1]).toAbsolutePath(), -1, Tuning.THROUGHPUT).forEach(System.out::println);
        } else {
            System.err.println("usage: BrokerFiles configure HOME PORT CONTROLLER_PORT"
                    + " | configure-node HOME ID CLUSTER_ID ID:PORT:CONTROLLER_PORT,… | cluster-id | command HOME");
            System.exit(2);
        }
    }
}
