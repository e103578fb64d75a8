package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.schema.ChainChecker;
import io.groundbreak.events.schema.EventSchemaValidator;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.process.ServiceProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services as separate processes from their runnable jars (see {@link RunningSystem}), on a real broker and real
 * PostgreSQL: a district office posts over HTTP, milestone-service stores and publishes, funnel-service
 * and audit-service consume from Kafka, leaders and auditors read, and the two read sides agree.
 */
class WholeSystemIT {

    private static final JsonMapper JSON = RunningSystem.JSON;

    private static RunningSystem system;
    private static ServiceProcess audit;
    private static ServiceProcess funnel;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.get();
        audit = system.audit;
        funnel = system.funnel;
    }

    @Test
    void aMilestonePostedByADistrictOfficeReachesTheFunnelAndTheHistory() throws Exception {
        // 滨海新区 × aerospace is this test's own corner of the funnel: the other tests' events, which
        // may still be arriving, never count here
        long signedBefore = reached("SIGNED");
        long landedBefore = reached("LANDED");

        String projectId = system.registerProject("d120116", """
                {"code":"TJ-E2E-%s","name":"航空航天零部件产业园","district":"120116","chain":"aerospace",
                 "investor":"某航空工业集团","plannedInvestmentCny":"2000000000.00","park":"空港经济区"}
                """.formatted(UUID.randomUUID()));
        for (String milestone : List.of("{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}",
                "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-04-15\",\"amountCny\":\"500000000\"}")) {
            HttpResponse<String> posted = system.post("d120116", "/api/projects/" + projectId + "/milestones", milestone);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(reached("SIGNED")).isEqualTo(signedBefore + 1);
            assertThat(reached("LANDED")).isEqualTo(landedBefore + 1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> history = system.get(audit, "auditor", "/api/audit/projects/" + projectId + "/history");
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            JsonNode list = JSON.readTree(history.body()).get("events");
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
        String projectId = system.registerProject("d120101", """
                {"code":"TJ-E2E-%s","name":"信创软件园","district":"120101","chain":"it-innovation",
                 "investor":"某信创集团","plannedInvestmentCny":"300000000.50","park":"和平信创园"}
                """.formatted(UUID.randomUUID()));
        assertThat(system.post("d120101", "/api/projects/" + projectId + "/milestones",
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

    /** Issue 6: the ledger replayed into a funnel agrees with funnel-service's live views, figure by figure. */
    @Test
    void reconciliationFindsNoDifferenceAfterEveryKindOfChange() throws Exception {
        String first = system.register("d120104", "120104", "biomedicine", "800000000.00");
        String second = system.register("d120113", "120113", "new-materials", "120000000.00");
        for (String[] action : List.of(
                new String[] {first, "milestones", "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-01\"}"},
                new String[] {first, "milestones", "{\"stage\":\"STARTED\",\"effectiveDate\":\"2024-05-01\"}"},
                new String[] {first, "milestones/SIGNED/correction",
                        "{\"effectiveDate\":\"2024-01-20\",\"reason\":\"合同签署日期录入错误\"}"},
                new String[] {first, "milestones/STARTED/retraction", "{\"reason\":\"开工未获批复\"}"},
                new String[] {first, "amendment", "{\"plannedInvestmentCny\":\"900000000.00\",\"reason\":\"追加投资\"}"},
                new String[] {second, "milestones", "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-03-01\"}"},
                new String[] {second, "termination", "{\"effectiveDate\":\"2024-06-30\",\"reason\":\"投资方撤资\"}"})) {
            String user = action[0].equals(first) ? "d120104" : "d120113";
            system.recorded(user, "/api/projects/" + action[0] + "/" + action[1], action[2]);
        }

        // the ledger first holds everything; funnel-service may lag a moment more, so a difference may
        // show before it disappears: only one that stays is a wrong read model (the retraction and the
        // termination waited for the reviewer: each is a request, its approval and the change)
        awaitHistory(first, 8);
        awaitHistory(second, 5);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = reconciliation();
            assertThat(report.get("differences")).as(report.toString()).isEmpty();
            assertThat(report.get("ok").asBoolean()).isTrue();
            assertThat(report.get("funnelsCompared").asInt()).isEqualTo(28);
        });
    }

    /** Issue 6: a read model damaged behind funnel-service's back is named; funnel-service's rebuild repairs it. */
    @Test
    void reconciliationNamesADamagedReadModelAndARebuildRepairsIt() throws Exception {
        String project = system.register("d120105", "120105", "automotive", "450000000.00");
        assertThat(system.post("d120105", "/api/projects/" + project + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-04-01\"}").statusCode()).isEqualTo(201);
        awaitHistory(project, 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> reconciliation().get("ok").asBoolean());

        try (Connection connection = DriverManager.getConnection(system.funnelDatabase.jdbcUrl(),
                system.funnelDatabase.username(), system.funnelDatabase.password());
             Statement statement = connection.createStatement()) {
            ResultSet active = statement.executeQuery("SELECT active FROM public.read_model");
            assertThat(active.next()).isTrue();
            // the schema name comes from funnel-service's own check constraint (funnel_blue | funnel_green)
            statement.executeUpdate("DELETE FROM " + active.getString(1) + ".funnel_delta WHERE scope_district = '120105'");
        }
        JsonNode damaged = reconciliation();
        assertThat(damaged.get("ok").asBoolean()).isFalse();
        assertThat(damaged.get("differences").findValuesAsString("scope")).contains("district=120105");

        HttpResponse<String> rebuild = system.postEmpty(funnel, "admin", "/api/admin/rebuild");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode repaired = reconciliation();
            assertThat(repaired.get("differences")).as(repaired.toString()).isEmpty();
        });
    }

    private static void awaitHistory(String projectId, int events) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> history = system.get(audit, "auditor", "/api/audit/projects/" + projectId + "/history");
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            assertThat(JSON.readTree(history.body()).get("events")).hasSize(events);
        });
    }

    private static JsonNode reconciliation() throws Exception {
        HttpResponse<String> answer = system.postEmpty(audit, "auditor", "/api/audit/reconciliation");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
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
        HttpResponse<String> response = system.get(funnel, "leader", "/api/funnel?district=120116&chain=aerospace");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode row : JSON.readTree(response.body()).get("stages")) {
            if (row.get("stage").asString().equals(stage)) {
                return row.get("reached").asLong();
            }
        }
        throw new AssertionError("stage " + stage + " missing from " + response.body());
    }

}
