package io.groundbreak.bench;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * The three services and the web app as separate JVMs from their runnable jars, each on a throwaway database of
 * its own, on the run's broker, signing in at test-support's Keycloak: the system as deployed, measured from outside
 * over HTTP, Kafka and SQL. Beside
 * them, on a database of its own, the plain-Axon baseline ({@code infra/bench-plain-axon}), stopped once measured.
 */
final class GroundbreakSystem implements AutoCloseable {

    static final String MILESTONE = "milestone-service";
    static final String FUNNEL = "funnel-service";
    static final String AUDIT = "audit-service";
    static final String WEB = "web";
    static final String PLAIN_AXON = "bench-plain-axon";

    final BenchBroker broker;
    final BenchHttp http = new BenchHttp();
    final ReferenceData referenceData = ReferenceData.loadDefault();
    final TestDatabase milestoneDatabase;
    final TestDatabase funnelDatabase;
    final TestDatabase auditDatabase;
    final ServiceJvm milestone;
    final ServiceJvm funnel;
    final ServiceJvm audit;
    final ServiceJvm web;
    final ServiceJvm plainAxon;
    /** Events on the topic that milestone-service's store does not hold ({@link TopicSeed}). */
    private long seededEvents;

    private GroundbreakSystem(BenchBroker broker, Path logs, boolean quickStart, boolean flightRecording) {
        this.broker = broker;
        TestInfrastructure infrastructure = TestInfrastructure.get();
        milestoneDatabase = infrastructure.newDatabase("bench_milestones");
        funnelDatabase = infrastructure.newDatabase("bench_funnel");
        auditDatabase = infrastructure.newDatabase("bench_audit");
        // the web app's users sign in at test-support's Keycloak (started here, once per JVM) and the services accept
        // its tokens, which the web app relays; the bench's own calls use HTTP Basic of profile local
        String issuer = "--groundbreak.security.issuer=" + infrastructure.identityProvider().issuer();
        milestone = ServiceJvm.of(MILESTONE, quickStart, flightRecording, milestoneDatabase, broker.bootstrapServers(), logs,
                issuer);
        funnel = ServiceJvm.of(FUNNEL, quickStart, flightRecording, funnelDatabase, broker.bootstrapServers(), logs,
                issuer);
        audit = ServiceJvm.of(AUDIT, quickStart, flightRecording, auditDatabase, broker.bootstrapServers(), logs,
                "--groundbreak.funnel-service.url=http://127.0.0.1:" + funnel.port(),
                "--groundbreak.milestone-service.url=http://127.0.0.1:" + milestone.port(), issuer);
        // the web app keeps sessions, its users' tokens and import reports in a database of its own; Kafka it does not use
        web = ServiceJvm.of(WEB, quickStart, flightRecording, infrastructure.newDatabase("bench_web"),
                broker.bootstrapServers(), logs, issuer,
                // sessions and import reports need few connections (infra/local.sh's cluster gives it 4); the
                // PostgreSQL of a shared machine ran out of them with every pool at Hikari's 10
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--groundbreak.web.services.milestone-service=http://127.0.0.1:" + milestone.port(),
                "--groundbreak.web.services.funnel-service=http://127.0.0.1:" + funnel.port(),
                "--groundbreak.web.services.audit-service=http://127.0.0.1:" + audit.port());
        plainAxon = ServiceJvm.of(PLAIN_AXON, quickStart, flightRecording, infrastructure.newDatabase("bench_plain_axon"),
                broker.bootstrapServers(), logs);
    }

    /** Starts all at once (they start faster together than one after the other) and waits for all. */
    static GroundbreakSystem start(BenchBroker broker, Path logs, boolean quickStart, boolean flightRecording) {
        GroundbreakSystem system = new GroundbreakSystem(broker, logs, quickStart, flightRecording);
        List<ServiceJvm> all = List.of(system.milestone, system.funnel, system.audit, system.web, system.plainAxon);
        for (ServiceJvm service : all) {
            service.start();
        }
        for (ServiceJvm service : all) {
            service.awaitHealthy(system.http);
        }
        return system;
    }

    /** Groundbreak's JVMs, whose memory is a figure. */
    List<ServiceJvm> groundbreakJvms() {
        return List.of(milestone, funnel, audit, web);
    }

    URI milestoneUrl(String path) {
        return milestone.url(path);
    }

    URI funnelUrl(String path) {
        return funnel.url(path);
    }

    URI auditUrl(String path) {
        return audit.url(path);
    }

    void seeded(long events) {
        seededEvents += events;
    }

    /** CPU time used so far by milestone-service, funnel-service and audit-service. */
    long[] cpuNanos() {
        return new long[] {milestone.cpuNanos(), funnel.cpuNanos(), audit.cpuNanos()};
    }

    /** CPU milliseconds per event each service used between two {@link #cpuNanos()}: where the work goes. */
    static String cpuPerEvent(long[] before, long[] after, long events) {
        return String.format(java.util.Locale.ROOT, "milestone %.2f, funnel %.2f, audit %.2f",
                (after[0] - before[0]) / 1e6 / events, (after[1] - before[1]) / 1e6 / events,
                (after[2] - before[2]) / 1e6 / events);
    }

    /** Events in milestone-service's event store. */
    long storedEvents() {
        return count(milestoneDatabase, "SELECT count(*) FROM domain_event_entry");
    }

    /** Events funnel-service applied to its active read model (sequences start at 0 and have no gaps). */
    long funnelApplied() {
        String schema = activeFunnelSchema();
        return count(funnelDatabase, "SELECT coalesce(sum(last_sequence + 1), 0) FROM " + schema + ".applied_sequence");
    }

    String activeFunnelSchema() {
        return text(funnelDatabase, "SELECT active FROM public.read_model");
    }

    /** Events in audit-service's ledger. */
    long ledgerEvents() {
        return count(auditDatabase, "SELECT count(*) FROM ledger_event");
    }

    /** End offset of every partition of the events topic. */
    Map<TopicPartition, Long> topicEndOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(CloudEventHeaders.TOPIC))
                    .allTopicNames().get(60, TimeUnit.SECONDS).get(CloudEventHeaders.TOPIC).partitions().stream()
                    .map(partition -> new TopicPartition(CloudEventHeaders.TOPIC, partition.partition())).toList();
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(60, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the end offsets of " + CloudEventHeaders.TOPIC, e);
        }
    }

    /** Every record of the events topic from {@code from} (offsets per partition) to where the topic ends now. */
    void readTopic(Map<TopicPartition, Long> from, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Long> end = topicEndOffsets();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.copyOf(end.keySet());
            consumer.assign(partitions);
            partitions.forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    long publishedRecords() {
        return topicEndOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until every stored event is on Kafka, in funnel-service's read model and in the ledger, so
     * that the next measurement does not share the machine with catching up.
     */
    void awaitSettled(Duration atMost) {
        Awaitility.await("every stored event published, projected and in the ledger").atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                // a shared PostgreSQL may be out of connections for a moment (other work's tests): ask again
                .ignoreExceptionsMatching(GroundbreakSystem::serverFull)
                .until(() -> {
                    long stored = storedEvents();
                    long all = stored + seededEvents;
                    return publishedRecords() >= all && funnelApplied() == all && ledgerEvents() == all;
                });
    }

    private static boolean serverFull(Throwable e) {
        return e.getCause() instanceof SQLException cause && String.valueOf(cause.getMessage()).contains("too many clients");
    }

    static long count(TestDatabase database, String sql) {
        return firstValue(database, sql, result -> result.getLong(1));
    }

    static String text(TestDatabase database, String sql) {
        return firstValue(database, sql, result -> result.getString(1));
    }

    @FunctionalInterface
    private interface FirstColumn<T> {
        T of(ResultSet result) throws SQLException;
    }

    /** The first column of the query's first row. */
    private static <T> T firstValue(TestDatabase database, String sql, FirstColumn<T> column) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return column.of(result);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + database.name(), e);
        }
    }

    static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    @Override
    public void close() {
        for (ServiceJvm service : List.of(plainAxon, web, audit, funnel, milestone)) {
            service.stop();
        }
    }
}
