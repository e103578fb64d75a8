package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.Stage;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import io.groundbreak.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class MilestoneServiceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "milestones");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void registersAProjectAndItsMilestonesAndPublishesThemWithTheirEnvelope() throws Exception {
        String projectId = registerProject("d120116", "120116");
        HttpResponse<String> signed = post("d120116", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\",\"amountCny\":\"1500000000\"}");
        assertThat(signed.statusCode()).isEqualTo(201);
        assertThat(json(signed).get("sequence").asLong()).isEqualTo(1);
        assertThat(json(signed).get("stage").asString()).isEqualTo("SIGNED");

        List<ConsumerRecord<byte[], byte[]>> records = recordsOf(projectId, 2);
        EventEnvelope registered = envelope(records.get(0));
        EventEnvelope milestone = envelope(records.get(1));
        assertThat(new String(records.get(1).key(), StandardCharsets.UTF_8)).isEqualTo(projectId);
        assertThat(header(records.get(1), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(records.get(1), "ce_source")).isEqualTo("/districts/120116");
        assertThat(header(records.get(1), "content-type")).isEqualTo("application/json");
        assertThat(registered.type()).isEqualTo("ProjectRegistered");
        assertThat(milestone.data()).isInstanceOf(MilestoneRecorded.class);
        assertThat(((MilestoneRecorded) milestone.data()).amountCny()).hasToString("1500000000.00");
        assertThat(milestone.recordedBy()).isEqualTo("d120116");
        assertThat(milestone.prevHash()).isEqualTo(registered.hash());
        assertThat(registered.hashIsIntact()).isTrue();
        assertThat(milestone.hashIsIntact()).isTrue();
    }

    @Test
    void everyChainInTheEventStoreRecomputes() throws Exception {
        String projectId = registerProject("d120101", "120101");
        post("d120101", "/api/projects/" + projectId + "/milestones", "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}");
        post("d120101", "/api/projects/" + projectId + "/milestones", "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-02-05\"}");

        List<String> projects = jdbc.sql("SELECT DISTINCT aggregate_identifier FROM domain_event_entry")
                .query(String.class).list();
        assertThat(projects).contains(projectId);
        for (String project : projects) {
            String prevHash = HashChain.GENESIS_PREV_HASH;
            long expectedSequence = 0;
            for (DomainEventMessage<?> message : eventStore.readEvents(project).asStream().toList()) {
                EventEnvelope envelope = EnvelopeMetaData.envelope((ProjectEvent) message.getPayload(),
                        message.getSequenceNumber(), message.getMetaData());
                assertThat(envelope.sequence()).isEqualTo(expectedSequence++);
                assertThat(envelope.prevHash()).isEqualTo(prevHash);
                assertThat(envelope.hashIsIntact()).as("hash of %s #%d", project, envelope.sequence()).isTrue();
                prevHash = envelope.hash();
            }
        }
    }

    @Test
    void theEventStoreKeepsBytesInByteaAndItsGlobalIndexHasNoHoles() throws Exception {
        String projectId = registerProject("d120102", "120102");
        post("d120102", "/api/projects/" + projectId + "/milestones", "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}");

        List<String> lobTypes = jdbc.sql("""
                SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')
                """).query(String.class).list();
        assertThat(lobTypes).isNotEmpty().allMatch(column -> column.endsWith(":bytea"));
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
        List<Long> indexes = jdbc.sql("SELECT global_index FROM domain_event_entry ORDER BY global_index")
                .query(Long.class).list();
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i) - indexes.get(i - 1)).isEqualTo(1);
        }
    }

    @Test
    void refusalsAreProblemsWithTheRightStatusAndWriteNothing() throws Exception {
        String projectId = registerProject("d120103", "120103");
        post("d120103", "/api/projects/" + projectId + "/milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-05-01\"}");
        long eventsBefore = eventCount();

        assertProblem(post(null, "/api/projects", "{}"), 401);
        assertProblem(post("leader", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-05-02\"}"), 403);
        assertProblem(post("d120104", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-05-02\"}"), 403);
        HttpResponse<String> invalid = post("d120103", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"STARTED\",\"amountCny\":\"12.345\"}");
        assertProblem(invalid, 400);
        assertThat(invalid.body()).contains("effectiveDate").contains("amountCny");
        assertProblem(post("d120103", "/api/projects/" + projectId + "/milestones", "{not json"), 400);
        assertProblem(post("d120103", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"FLYING\",\"effectiveDate\":\"2024-05-02\"}"), 400);
        assertProblem(post("d120103", "/api/projects/" + UUID.randomUUID() + "/milestones",
                "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-05-02\"}"), 404);
        assertProblem(post("d120103", "/api/projects/not-a-uuid/milestones",
                "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-05-02\"}"), 404);
        HttpResponse<String> order = post("d120103", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-05-02\"}");
        assertProblem(order, 409);
        assertThat(json(order).get("type").asString()).isEqualTo("urn:groundbreak:problem:stage-order");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        assertProblem(post("d120103", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"STARTED\",\"effectiveDate\":\"" + tomorrow + "\"}"), 422);
        assertProblem(post("d120103", "/api/projects", registration("120103", "no-such-chain")), 400);

        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private String registerProject(String user, String district) throws Exception {
        HttpResponse<String> response = post(user, "/api/projects", registration(district, "new-energy"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("sequence").asLong()).isZero();
        assertThat(body.get("eventId").asString()).isNotBlank();
        return body.get("projectId").asString();
    }

    private static String registration(String district, String chain) {
        return """
                {"code":"TJ-%s","name":"动力电池基地","district":"%s","chain":"%s",
                 "investor":"某某新能源集团","plannedInvestmentCny":"1500000000.00"}
                """.formatted(UUID.randomUUID(), district, chain);
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<ConsumerRecord<byte[], byte[]>> recordsOf(String projectId, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "milestone-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(CloudEventHeaders.TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (projectId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private static EventEnvelope envelope(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return CloudEventHeaders.read(headers, record.value());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
