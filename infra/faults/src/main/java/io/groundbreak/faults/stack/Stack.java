package io.groundbreak.faults.stack;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.testsupport.ChildProcessKafkaBroker;
import io.groundbreak.testsupport.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh Groundbreak of the suite's own, all on free ports, everything (data, logs, jars) under one run folder;
 * nothing of the machine's is used. Either the single-instance stack (its PostgreSQL, one Kafka broker, the three
 * services from their jars) or the cluster ({@link #startCluster}: three KRaft brokers, two instances of each
 * service and of the web app, HAProxy in front of them).
 */
public final class Stack implements AutoCloseable {

    public static final String MILESTONES_DATABASE = "groundbreak_milestones";
    public static final String FUNNEL_DATABASE = "groundbreak_funnel";
    public static final String AUDIT_DATABASE = "groundbreak_audit";
    public static final String WEB_DATABASE = "groundbreak_web";
    public static final String FUNNEL_GROUP = "funnel-service";
    public static final String AUDIT_GROUP = "audit-service";
    public static final int CLUSTER_BROKERS = 3;
    public static final int CLUSTER_INSTANCES = 2;
    /** Heaps of the cluster's eight service JVMs: with three brokers they must fit a few GiB of a 2-core machine. */
    private static final String CLUSTER_HEAP = "320m";
    private static final String SINGLE_HEAP = "384m";

    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    public final Path home;
    public final SuitePostgres postgres;
    /** Every broker; one in the single-instance stack. */
    public final List<ChildProcessKafkaBroker> brokers;
    /** The first broker: the only one of the single-instance stack. */
    public final ChildProcessKafkaBroker broker;
    /** Every instance of each service; one each in the single-instance stack, no web app there. */
    public final List<ServiceJvm> milestones;
    public final List<ServiceJvm> funnels;
    public final List<ServiceJvm> audits;
    public final List<ServiceJvm> webs;
    /** The first instance of each service: the only one of the single-instance stack. */
    public final ServiceJvm milestone;
    public final ServiceJvm funnel;
    public final ServiceJvm audit;
    /** HAProxy in front of the cluster; null in the single-instance stack. */
    public final Balancer balancer;
    /** Where clients reach each service: HAProxy's frontend in the cluster, the instance itself otherwise. */
    private final Map<String, Integer> entryPorts;
    private final String bootstrapServers;

    private Stack(Path home, SuitePostgres postgres, List<ChildProcessKafkaBroker> brokers, List<ServiceJvm> milestones,
                  List<ServiceJvm> funnels, List<ServiceJvm> audits, List<ServiceJvm> webs, Balancer balancer,
                  Map<String, Integer> entryPorts, String bootstrapServers) {
        this.home = home;
        this.postgres = postgres;
        this.brokers = brokers;
        this.broker = brokers.get(0);
        this.milestones = milestones;
        this.funnels = funnels;
        this.audits = audits;
        this.webs = webs;
        this.milestone = milestones.get(0);
        this.funnel = funnels.get(0);
        this.audit = audits.get(0);
        this.balancer = balancer;
        this.entryPorts = entryPorts;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the single-instance stack in {@code home} (emptied first) with the jars of {@code servicesDirectory}
     * ({@code milestone-service.jar}, …; copied into the run so a rebuild never replaces a jar under a JVM).
     */
    public static Stack start(Path home, Path servicesDirectory) {
        SuitePostgres postgres = prepare(home, servicesDirectory, List.of("milestone-service", "funnel-service", "audit-service"),
                List.of(MILESTONES_DATABASE, FUNNEL_DATABASE, AUDIT_DATABASE));
        int[] brokerPorts = FreePorts.take(2);
        log.info("starting the Kafka broker on 127.0.0.1:{}", brokerPorts[0]);
        ChildProcessKafkaBroker broker = ChildProcessKafkaBroker.startNew(home.resolve("kafka"), brokerPorts[0], brokerPorts[1]);
        int[] ports = FreePorts.take(3);
        Map<String, Integer> entries = Map.of("milestone-service", ports[0], "funnel-service", ports[1], "audit-service", ports[2]);
        Map<String, String> environment = environment(postgres, broker.bootstrapServers(), entries);
        Stack stack = new Stack(home, postgres, List.of(broker),
                List.of(service(home, "milestone-service", "milestone-service", ports[0], environment, SINGLE_HEAP)),
                List.of(service(home, "funnel-service", "funnel-service", ports[1], environment, SINGLE_HEAP)),
                List.of(service(home, "audit-service", "audit-service", ports[2], environment, SINGLE_HEAP)),
                List.of(), null, entries, broker.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "faults-stack-stop"));
        log.info("starting milestone-service :{}, funnel-service :{}, audit-service :{} (logs in {})",
                ports[0], ports[1], ports[2], home.resolve("logs"));
        stack.startAll(stack.services());
        return stack;
    }

    /**
     * Starts the cluster in {@code home} (emptied first): {@value #CLUSTER_BROKERS} KRaft brokers (replication
     * factor 3, {@code min.insync.replicas=2}), {@value #CLUSTER_INSTANCES} instances of milestone-service,
     * funnel-service, audit-service and web, each told every broker and the replication settings, and HAProxy
     * in front of them; the services call each other through HAProxy, as clients do.
     */
    public static Stack startCluster(Path home, Path servicesDirectory) {
        List<String> kinds = List.of("milestone-service", "funnel-service", "audit-service", "web");
        SuitePostgres postgres = prepare(home, servicesDirectory, kinds,
                List.of(MILESTONES_DATABASE, FUNNEL_DATABASE, AUDIT_DATABASE, WEB_DATABASE));
        log.info("starting {} Kafka brokers", CLUSTER_BROKERS);
        List<ChildProcessKafkaBroker> brokers = ChildProcessKafkaBroker.startCluster(home.resolve("kafka"), CLUSTER_BROKERS);
        String bootstrap = String.join(",", brokers.stream().map(ChildProcessKafkaBroker::bootstrapServers).toList());

        Map<String, Integer> balancerPorts = balancerPorts(kinds, clusterPorts(kinds.size() * (1 + CLUSTER_INSTANCES) + 1));
        Map<String, Integer> entries = new LinkedHashMap<>();
        kinds.forEach(kind -> entries.put(kind, balancerPorts.get(portName(kind, 0))));
        Map<String, String> environment = environment(postgres, bootstrap, entries);
        environment.put("GROUNDBREAK_KAFKA_REPLICATION_FACTOR", "3");
        environment.put("GROUNDBREAK_KAFKA_MIN_INSYNC_REPLICAS", "2");
        Map<String, List<ServiceJvm>> instances = new LinkedHashMap<>();
        for (String kind : kinds) {
            List<ServiceJvm> jvms = new ArrayList<>();
            for (int instance = 1; instance <= CLUSTER_INSTANCES; instance++) {
                jvms.add(service(home, kind, kind + "-" + instance, balancerPorts.get(portName(kind, instance)), environment, CLUSTER_HEAP));
            }
            instances.put(kind, List.copyOf(jvms));
        }
        log.info("starting HAProxy: milestone-service :{}, funnel-service :{}, audit-service :{}, web :{}, stats :{}",
                entries.get("milestone-service"), entries.get("funnel-service"), entries.get("audit-service"),
                entries.get("web"), balancerPorts.get("STATS_PORT"));
        Balancer balancer = Balancer.start(home.resolve("haproxy"), balancerPorts);
        Stack stack = new Stack(home, postgres, brokers, instances.get("milestone-service"), instances.get("funnel-service"),
                instances.get("audit-service"), instances.get("web"), balancer, entries, bootstrap);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "faults-stack-stop"));
        // the first instance of each, then the second: the cluster's first start, its migrations, once at a time
        for (int instance = 0; instance < CLUSTER_INSTANCES; instance++) {
            int index = instance;
            List<ServiceJvm> wave = instances.values().stream().map(jvms -> jvms.get(index)).toList();
            log.info("starting {} (logs in {})", wave.stream().map(ServiceJvm::name).toList(), home.resolve("logs"));
            stack.startAll(wave);
        }
        for (ServiceJvm service : stack.services()) {
            balancer.awaitUp(service.name(), Duration.ofSeconds(60));
        }
        return stack;
    }

    /** Free ports outside 18080-28083, where the local cluster ({@code infra/local.sh up --cluster}) binds its own. */
    private static int[] clusterPorts(int count) {
        java.util.Set<Integer> ports = new java.util.LinkedHashSet<>();
        while (ports.size() < count) {
            int port = FreePorts.take(1)[0];
            if (port < 18_080 || port > 28_083) {
                ports.add(port);
            }
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The ports HAProxy's template names, from {@code ports} in order: per service its frontend
     * ({@code MILESTONE_PORT}) and its instances' ({@code MILESTONE_1_PORT}, …), then {@code STATS_PORT}.
     */
    static Map<String, Integer> balancerPorts(List<String> kinds, int[] ports) {
        Map<String, Integer> names = new LinkedHashMap<>();
        int next = 0;
        for (String kind : kinds) {
            for (int instance = 0; instance <= CLUSTER_INSTANCES; instance++) {
                names.put(portName(kind, instance), ports[next++]);
            }
        }
        names.put("STATS_PORT", ports[next]);
        return names;
    }

    /** {@code MILESTONE_PORT} (instance 0: HAProxy's frontend), {@code MILESTONE_2_PORT}, {@code WEB_1_PORT}, … */
    static String portName(String kind, int instance) {
        String prefix = kind.replace("-service", "").toUpperCase(Locale.ROOT);
        return instance == 0 ? prefix + "_PORT" : prefix + "_" + instance + "_PORT";
    }

    private static SuitePostgres prepare(Path home, Path servicesDirectory, List<String> kinds, List<String> databases) {
        recreate(home);
        for (String kind : kinds) {
            copy(servicesDirectory.resolve(kind + ".jar"), home.resolve("jars").resolve(kind + ".jar"));
        }
        log.info("starting PostgreSQL (embedded, data in {})", home.resolve("postgres"));
        SuitePostgres postgres = SuitePostgres.start(home.resolve("postgres"));
        postgres.createDatabases(databases);
        return postgres;
    }

    private static Map<String, String> environment(SuitePostgres postgres, String bootstrap, Map<String, Integer> entries) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "GROUNDBREAK_DB_HOST", "127.0.0.1",
                "GROUNDBREAK_DB_PORT", Integer.toString(postgres.port()),
                "GROUNDBREAK_DB_USER", "postgres",
                "GROUNDBREAK_DB_PASSWORD", "",
                "GROUNDBREAK_KAFKA_BOOTSTRAP", bootstrap,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true",
                "SPRING_PROFILES_ACTIVE", "local"));
        String milestones = "http://127.0.0.1:" + entries.get("milestone-service");
        environment.put("GROUNDBREAK_MILESTONE_URL", milestones);
        environment.put("GROUNDBREAK_FUNNEL_URL", "http://127.0.0.1:" + entries.get("funnel-service"));
        environment.put("GROUNDBREAK_AUDIT_URL", "http://127.0.0.1:" + entries.get("audit-service"));
        return environment;
    }

    private static ServiceJvm service(Path home, String kind, String name, int port, Map<String, String> environment,
                                      String heap) {
        return new ServiceJvm(name, home.resolve("jars").resolve(kind + ".jar"), port, environment,
                home.resolve("logs").resolve(name + ".log"), heap);
    }

    private void startAll(List<ServiceJvm> jvms) {
        for (ServiceJvm service : jvms) {
            service.start();
        }
        for (ServiceJvm service : jvms) {
            service.awaitHealthy();
        }
    }

    public boolean isCluster() {
        return balancer != null;
    }

    /** Every service JVM, web included. */
    public List<ServiceJvm> services() {
        List<ServiceJvm> all = new ArrayList<>(milestones);
        all.addAll(funnels);
        all.addAll(audits);
        all.addAll(webs);
        return all;
    }

    /** milestone-service as its clients reach it (through HAProxy in the cluster). */
    public URI milestoneUrl(String path) {
        return entry("milestone-service", path);
    }

    public URI funnelUrl(String path) {
        return entry("funnel-service", path);
    }

    public URI auditUrl(String path) {
        return entry("audit-service", path);
    }

    public URI webUrl(String path) {
        return entry("web", path);
    }

    private URI entry(String kind, String path) {
        Integer port = entryPorts.get(kind);
        if (port == null) {
            throw new IllegalStateException("this stack runs no " + kind);
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Moves both consumer groups back to the start of the topic. The groups must be empty (consumers stopped). */
    public void resetConsumerGroupsToEarliest() {
        try (Admin admin = admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(CloudEventHeaders.TOPIC))
                    .allTopicNames().get(60, TimeUnit.SECONDS).get(CloudEventHeaders.TOPIC).partitions().stream()
                    .map(partition -> new TopicPartition(CloudEventHeaders.TOPIC, partition.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> earliest = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.earliest())))
                    .all().get(60, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue().offset())));
            for (String group : List.of(FUNNEL_GROUP, AUDIT_GROUP)) {
                alterWhenEmpty(admin, group, earliest);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not reset the consumer groups to the earliest offsets", e);
        }
    }

    /** A group whose members have not left yet refuses the change: it is tried again for up to a minute. */
    private static void alterWhenEmpty(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> offsets)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                admin.alterConsumerGroupOffsets(group, offsets).all().get(60, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt >= 60) {
                    throw e;
                }
                ServiceJvm.pause(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * Waits until every partition of the events topic and of the groups' offsets topic has all its replicas in
     * sync again (a broker back from a fault has caught up); returns how long that took.
     */
    public Duration awaitInSync(Duration atMost) {
        Instant began = Instant.now();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    boolean inSync = admin.describeTopics(List.of(CloudEventHeaders.TOPIC, "__consumer_offsets"))
                            .allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                            .flatMap(topic -> topic.partitions().stream())
                            .allMatch(partition -> partition.isr().size() == partition.replicas().size());
                    if (inSync) {
                        return Duration.between(began, Instant.now());
                    }
                } catch (Exception e) {
                    // a broker is still away or electing leaders: look again
                }
                if (Instant.now().isAfter(began.plus(atMost))) {
                    throw new IllegalStateException("replicas not in sync after " + atMost);
                }
                ServiceJvm.pause(Duration.ofMillis(250));
            }
        }
    }

    /** The broker leading most partitions of the events topic: the one whose loss moves most leaders. */
    public ChildProcessKafkaBroker leadingBroker() {
        try (Admin admin = admin()) {
            Map<Integer, Long> leaders = admin.describeTopics(List.of(CloudEventHeaders.TOPIC)).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get(CloudEventHeaders.TOPIC).partitions().stream()
                    .filter(partition -> partition.leader() != null)
                    .collect(Collectors.groupingBy(partition -> partition.leader().id(), Collectors.counting()));
            int node = leaders.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);
            // node N is brokers[N - 1] (ChildProcessKafkaBroker.startCluster numbers them from 1)
            return brokers.get(node - 1);
        } catch (Exception e) {
            throw new IllegalStateException("Could not find the leading broker", e);
        }
    }

    /** The events topic as the cluster made it: partitions, replication factor, min.insync.replicas. */
    public String topicSettings() {
        try (Admin admin = admin()) {
            var topic = admin.describeTopics(List.of(CloudEventHeaders.TOPIC)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(CloudEventHeaders.TOPIC);
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, CloudEventHeaders.TOPIC);
            String minInSync = admin.describeConfigs(List.of(resource)).all().get(60, TimeUnit.SECONDS).get(resource)
                    .get("min.insync.replicas").value();
            return CloudEventHeaders.TOPIC + ": " + topic.partitions().size() + " partitions, replication factor "
                    + topic.partitions().get(0).replicas().size() + ", min.insync.replicas " + minInSync;
        } catch (Exception e) {
            return CloudEventHeaders.TOPIC + ": not described (" + e.getMessage() + ")";
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }

    @Override
    public synchronized void close() {
        List<ServiceJvm> services = new ArrayList<>(services());
        java.util.Collections.reverse(services);
        for (ServiceJvm service : services) {
            try {
                service.stop();
            } catch (RuntimeException e) {
                log.warn("stopping {}: {}", service.name(), e.toString());
            }
        }
        if (balancer != null) {
            balancer.close();
        }
        for (ChildProcessKafkaBroker node : brokers) {
            try {
                Signals.send(node.pid(), "CONT"); // a frozen broker cannot be killed cleanly
            } catch (RuntimeException notRunning) {
                // nothing to resume
            }
            try {
                node.kill();
            } catch (RuntimeException e) {
                log.warn("stopping the broker: {}", e.toString());
            }
        }
        try {
            postgres.close();
        } catch (RuntimeException e) {
            log.warn("stopping PostgreSQL: {}", e.toString());
        }
    }

    private static void recreate(Path home) {
        try {
            if (Files.exists(home)) {
                try (var paths = Files.walk(home)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        if (!Files.exists(from)) {
            throw new IllegalStateException(from.toAbsolutePath() + " is missing: build with infra/local.sh faults "
                    + "(or mvn -pl infra/faults -am install -DskipTests), which copies the services' jars there");
        }
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
