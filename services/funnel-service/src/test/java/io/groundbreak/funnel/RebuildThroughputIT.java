package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.rebuild.Rebuild;
import io.groundbreak.funnel.rebuild.RebuildReport;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.yardstick.BareConsumerRead;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rebuild's rate beside the broker's own in the same run: a topic shaped like the bench's (6 partitions, a
 * registration and five milestones per project), read once by a bare consumer (the bench's {@code raw.kafka.consume})
 * and once by a full rebuild, with no live consumer competing; it also checks that a rebuild of that many projects
 * switches with every event applied. {@code -Drebuild.throughput.projects=20000} gives the bench's 120,000 events and
 * a figure worth reading (logged: events/s, the ratio to raw, CPU ms per event).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.cloud.stream.bindings.projectEvents-in-0.consumer.auto-startup=false")
@ActiveProfiles("local")
// Only when asked (-Drebuild.throughput.projects=N): in a whole verify, after this class's Spring context of its own
// (closed after it), the shared context's binding started again with twice its consumers, and SeveralInstancesIT's and
// DeliveryIT's group members found no partition; the cause is not found yet (issue 18's session note).
@EnabledIfSystemProperty(named = "rebuild.throughput.projects", matches = "\\d+")
@DirtiesContext
class RebuildThroughputIT {

    private static final Logger log = LoggerFactory.getLogger(RebuildThroughputIT.class);
    private static final String TOPIC = CloudEventHeaders.TOPIC + ".throughput-" + UUID.randomUUID();
    private static final int PROJECTS = Integer.getInteger("rebuild.throughput.projects", 0);
    private static final int EVENTS_PER_PROJECT = 1 + Stage.values().length;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.get().registerSpringProperties(registry, "funnel");
        // before the context: the binder would create it with one partition
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.destination", () -> TOPIC);
    }

    @Autowired
    Rebuild rebuild;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRebuildOfManyProjectsAppliesEveryEventAndSwitches() throws Exception {
        long events = seed();
        double rawPerSecond = rawConsume(events);

        long cpuBefore = processCpuNanos();
        long begin = System.nanoTime();
        RebuildReport report = rebuild.runNow();
        double seconds = (System.nanoTime() - begin) / 1e9;
        double cpuMsPerEvent = (processCpuNanos() - cpuBefore) / 1e6 / events;

        assertThat(report.failure()).as(report.toString()).isNull();
        assertThat(report.recordsRead()).isEqualTo(events);
        assertThat(report.applied()).isEqualTo(events);
        assertThat(report.folded()).isEqualTo(events);
        String active = jdbc.sql("SELECT active FROM public.read_model").query(String.class).single();
        assertThat(active).isEqualTo(report.target());
        assertThat(jdbc.sql("SELECT count(*) FROM " + active + ".milestone").query(Long.class).single())
                .isEqualTo((long) PROJECTS * Stage.values().length);
        log.info("rebuild of {} events: {} events/s ({} s), raw consume {} records/s, ratio {} %, {} CPU ms per event",
                events, Math.round(events / seconds), String.format("%.2f", seconds), Math.round(rawPerSecond),
                Math.round(100 * events / seconds / rawPerSecond), String.format("%.3f", cpuMsPerEvent));
    }

    /** Sealed events, each project's in order, written as milestone-service's publisher writes them. */
    private long seed() throws Exception {
        List<String> districts = referenceData.districtCodes();
        List<String> chains = referenceData.chainCodes();
        Random random = new Random(18);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < PROJECTS; i++) {
                String district = districts.get(random.nextInt(districts.size()));
                ProjectStream stream = new ProjectStream(district);
                send(producer, stream.next(new ProjectRegistered(stream.projectId, "SEED-" + i, "基准项目 " + i, district,
                        chains.get(random.nextInt(chains.size())), "某某投资集团有限公司",
                        BigDecimal.valueOf(100_000_000L + random.nextInt(900_000_000), 2), null)));
                LocalDate date = LocalDate.of(2021, 1, 4).plusDays(random.nextInt(900));
                for (Stage stage : Stage.values()) {
                    send(producer, stream.next(new MilestoneRecorded(stream.projectId, stage, date,
                            BigDecimal.valueOf(10_000_000L + random.nextInt(90_000_000), 2), null)));
                    date = date.plusDays(random.nextInt(60));
                }
            }
            producer.flush();
        }
        return (long) PROJECTS * EVENTS_PER_PROJECT;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, EventEnvelope envelope) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC,
                envelope.subject().toString().getBytes(StandardCharsets.UTF_8), EventCodec.toJsonBytes(envelope.data()));
        CloudEventHeaders.of(envelope).forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                throw new IllegalStateException("the seed lost a record", failure);
            }
        });
    }

    /** Records per second one bare consumer reads the topic at: the bench's raw.kafka.consume yardstick. */
    private static double rawConsume(long records) {
        BareConsumerRead read = BareConsumerRead.fromBeginning(bootstrapServers(), TOPIC, records);
        assertThat(read.bytes()).isPositive();
        return read.recordsPerSecond();
    }

    private static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
