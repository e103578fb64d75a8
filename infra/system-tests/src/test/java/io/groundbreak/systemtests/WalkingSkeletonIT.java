package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.schema.ChainChecker;
import io.groundbreak.events.schema.EventSchemaValidator;
import io.groundbreak.testsupport.TestInfrastructure;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path on real infrastructure: a district office posts over HTTP, milestone-service stores
 * and publishes, funnel-service and audit-service consume from Kafka, leaders and auditors read.
 */
class WalkingSkeletonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServiceProcess milestones;
    private static ServiceProcess funnel;
    private static ServiceProcess audit;

    @BeforeAll
    static void startTheSystem() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String kafka = infrastructure.kafkaBootstrapServers();
        milestones = ServiceProcess.start("milestone-service", infrastructure.newDatabase("e2e_milestones"), kafka);
        funnel = ServiceProcess.start("funnel-service", infrastructure.newDatabase("e2e_funnel"), kafka);
        audit = ServiceProcess.start("audit-service", infrastructure.newDatabase("e2e_audit"), kafka);
        for (ServiceProcess service : List.of(milestones, funnel, audit)) {
            service.awaitHealthy();
        }
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {milestones, funnel, audit}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aMilestonePostedByADistrictOfficeReachesTheFunnelAndTheHistory() throws Exception {
        long signedBefore = reached("SIGNED");
        long landedBefore = reached("LANDED");

        HttpResponse<String> registered = post("d120116", "/api/projects", """
                {"code":"TJ-E2E-%s","name":"航空航天零部件产业园","district":"120116","chain":"aerospace",
                 "investor":"某航空工业集团","plannedInvestmentCny":"2000000000.00","park":"空港经济区"}
                """.formatted(UUID.randomUUID()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String projectId = JSON.readTree(registered.body()).get("projectId").asString();
        for (String milestone : List.of("{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}",
                "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-04-15\",\"amountCny\":\"500000000\"}")) {
            HttpResponse<String> posted = post("d120116", "/api/projects/" + projectId + "/milestones", milestone);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(reached("SIGNED")).isEqualTo(signedBefore + 1);
            assertThat(reached("LANDED")).isEqualTo(landedBefore + 1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> history = get(audit, "auditor", "/api/audit/projects/" + projectId + "/history");
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            JsonNode events = JSON.readTree(history.body());
            JsonNode list = events.isArray() ? events : events.get("events");
            assertThat(list).hasSize(3);
            assertThat(list.get(0).get("type").asString()).isEqualTo("ProjectRegistered");
            assertThat(list.get(2).get("type").asString()).isEqualTo("MilestoneRecorded");
            assertThat(list.get(2).get("recordedBy").asString()).isEqualTo("d120116");
            assertThat(list.get(2).get("prevHash").asString()).isEqualTo(list.get(1).get("hash").asString());
        });
    }

    /** Issue 3's contract check: whatever the running services put on the topic is valid v1, hash and chain. */
    @Test
    void everyRecordTheServicesPublishedValidatesAgainstItsSchemaItsHashAndItsChain() throws Exception {
        HttpResponse<String> registered = post("d120101", "/api/projects", """
                {"code":"TJ-E2E-%s","name":"信创软件园","district":"120101","chain":"it-innovation",
                 "investor":"某信创集团","plannedInvestmentCny":"300000000.50","park":"和平信创园"}
                """.formatted(UUID.randomUUID()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String projectId = JSON.readTree(registered.body()).get("projectId").asString();
        assertThat(post("d120101", "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-02\",\"note\":\"首次洽谈\"}").statusCode())
                .isEqualTo(201);

        ChainChecker checker = new ChainChecker(EventSchemaValidator.v1());
        List<String> problems = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = topicReader()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    checker.accept(new String(record.key(), StandardCharsets.UTF_8), headers, record.value())
                            .forEach(problem -> problems.add(record.topic() + "@" + record.offset() + ": " + problem));
                }
                return checker.length(projectId) == 2;
            });
        }
        assertThat(problems).isEmpty();
        assertThat(checker.records()).isGreaterThanOrEqualTo(2);
    }

    private static KafkaConsumer<byte[], byte[]> topicReader() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "contract-check-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(CloudEventHeaders.TOPIC));
        return consumer;
    }

    private static long reached(String stage) throws Exception {
        HttpResponse<String> response = get(funnel, "leader", "/api/funnel");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode row : JSON.readTree(response.body()).get("stages")) {
            if (row.get("stage").asString().equals(stage)) {
                return row.get("reached").asLong();
            }
        }
        throw new AssertionError("stage " + stage + " missing from " + response.body());
    }

    private static HttpResponse<String> post(String user, String path, String body) throws Exception {
        return HTTP.send(authorized(HttpRequest.newBuilder(milestones.url(path)), user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(ServiceProcess service, String user, String path) throws Exception {
        return HTTP.send(authorized(HttpRequest.newBuilder(service.url(path)), user).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
    }
}
