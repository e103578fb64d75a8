package io.groundbreak.faults.stack;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.testsupport.ChildProcessKafkaBroker;
import io.groundbreak.testsupport.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
 * A fresh Groundbreak of the suite's own: its PostgreSQL, its Kafka broker and the three services from their
 * jars, all on free ports, everything (data, logs, jars) under one run folder. Nothing of the machine's is used.
 */
public final class Stack implements AutoCloseable {

    public static final String MILESTONES_DATABASE = "groundbreak_milestones";
    public static final String FUNNEL_DATABASE = "groundbreak_funnel";
    public static final String AUDIT_DATABASE = "groundbreak_audit";
    public static final String FUNNEL_GROUP = "funnel-service";
    public static final String AUDIT_GROUP = "audit-service";

    private static final Logger log = LoggerFactory.getLogger(Stack.class);

    public final Path home;
    public final SuitePostgres postgres;
    public final ChildProcessKafkaBroker broker;
    public final ServiceJvm milestone;
    public final ServiceJvm funnel;
    public final ServiceJvm audit;

    private Stack(Path home, SuitePostgres postgres, ChildProcessKafkaBroker broker, ServiceJvm milestone,
                  ServiceJvm funnel, ServiceJvm audit) {
        this.home = home;
        this.postgres = postgres;
        this.broker = broker;
        this.milestone = milestone;
        this.funnel = funnel;
        this.audit = audit;
    }

    /**
     * Starts everything in {@code home} (emptied first) with the jars of {@code servicesDirectory}
     * ({@code milestone-service.jar}, …; copied into the run so a rebuild never replaces a jar under a JVM).
     */
    public static Stack start(Path home, Path servicesDirectory) {
        recreate(home);
        Path jars = home.resolve("jars");
        for (String name : List.of("milestone-service", "funnel-service", "audit-service")) {
            copy(servicesDirectory.resolve(name + ".jar"), jars.resolve(name + ".jar"));
        }
        log.info("starting PostgreSQL (embedded, data in {})", home.resolve("postgres"));
        SuitePostgres postgres = SuitePostgres.start(home.resolve("postgres"));
        postgres.createDatabases(List.of(MILESTONES_DATABASE, FUNNEL_DATABASE, AUDIT_DATABASE));
        int[] brokerPorts = FreePorts.take(2);
        log.info("starting the Kafka broker on 127.0.0.1:{}", brokerPorts[0]);
        ChildProcessKafkaBroker broker = ChildProcessKafkaBroker.startNew(home.resolve("kafka"), brokerPorts[0], brokerPorts[1]);

        int[] ports = FreePorts.take(3);
        Map<String, String> environment = new HashMap<>(Map.of(
                "GROUNDBREAK_DB_HOST", "127.0.0.1",
                "GROUNDBREAK_DB_PORT", Integer.toString(postgres.port()),
                "GROUNDBREAK_DB_USER", "postgres",
                "GROUNDBREAK_DB_PASSWORD", "",
                "GROUNDBREAK_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                "GROUNDBREAK_MILESTONES_URL", "http://127.0.0.1:" + ports[0],
                "GROUNDBREAK_FUNNEL_URL", "http://127.0.0.1:" + ports[1],
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true",
                "SPRING_PROFILES_ACTIVE", "local"));
        Path logs = home.resolve("logs");
        ServiceJvm milestone = new ServiceJvm("milestone-service", jars.resolve("milestone-service.jar"), ports[0],
                environment, logs.resolve("milestone-service.log"));
        ServiceJvm funnel = new ServiceJvm("funnel-service", jars.resolve("funnel-service.jar"), ports[1],
                environment, logs.resolve("funnel-service.log"));
        ServiceJvm audit = new ServiceJvm("audit-service", jars.resolve("audit-service.jar"), ports[2],
                environment, logs.resolve("audit-service.log"));
        Stack stack = new Stack(home, postgres, broker, milestone, funnel, audit);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "faults-stack-stop"));
        log.info("starting milestone-service :{}, funnel-service :{}, audit-service :{} (logs in {})",
                ports[0], ports[1], ports[2], logs);
        for (ServiceJvm service : stack.services()) {
            service.start();
        }
        for (ServiceJvm service : stack.services()) {
            service.awaitHealthy();
        }
        return stack;
    }

    public List<ServiceJvm> services() {
        return List.of(milestone, funnel, audit);
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

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }

    @Override
    public synchronized void close() {
        for (ServiceJvm service : List.of(audit, funnel, milestone)) {
            try {
                service.stop();
            } catch (RuntimeException e) {
                log.warn("stopping {}: {}", service.name(), e.toString());
            }
        }
        try {
            broker.kill();
        } catch (RuntimeException e) {
            log.warn("stopping the broker: {}", e.toString());
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
