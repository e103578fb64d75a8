package io.groundbreak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.groundbreak.audit.ledger.ingest.LedgerIngest;
import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.EventTime;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit-service against a real broker and database: genuine, redelivered and altered records are
 * produced onto the topic, and the ledger is read over HTTP as an auditor reads it.
 */
class AuditServiceIT extends AuditIT {

    private static final String TIME_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /** What the ledger must hold for the project of the scenario, in order. */
    private final List<EventEnvelope> genuine = new ArrayList<>();
    private ProjectId projectId;
    private EventEnvelope otherProjectsRegistration;
    /** A project whose third event was sent before its second. */
    private List<EventEnvelope> earlyArrival;

    /**
     * One project's genuine events, interleaved with a redelivery and with records that must be refused:
     * an altered hash, an altered body, a broken link, a gap and a fork. All share the project's key, so
     * they arrive in the order sent.
     */
    @BeforeAll
    void publishScenario() {
        ProjectStream project = new ProjectStream("120116");
        projectId = project.projectId;
        genuine.add(project.next(new ProjectRegistered(projectId, "BH-2024-001", "新能源电池基地", "120116",
                "new-energy", "Investor Ltd.", new BigDecimal("5000000000.00"), "临港经济区")));
        genuine.add(project.next(milestone(Stage.TALKS, "2024-01-10", null)));
        genuine.add(project.next(milestone(Stage.SIGNED, "2024-03-01", "3000000000.00")));
        topic.send(genuine.get(0), genuine.get(1), genuine.get(2), genuine.get(1));

        MilestoneRecorded landed = milestone(Stage.LANDED, "2024-06-01", null);
        EventEnvelope brokenLink = project.forged(3, "f".repeat(64), landed);
        EventEnvelope afterAGap = project.forged(5, project.prevHash(), landed);
        EventEnvelope genuineLanded = project.next(landed);
        Map<String, String> alteredHash = CloudEventHeaders.of(genuineLanded);
        alteredHash.put(CloudEventHeaders.HASH, HashChain.hashOf(brokenLink));
        byte[] alteredBody = EventCodec.toJsonBytes(milestone(Stage.LANDED, "2024-05-31", null));
        topic.send(projectId.toString(), alteredHash, EventCodec.toJsonBytes(landed));
        topic.send(projectId.toString(), CloudEventHeaders.of(genuineLanded), alteredBody);
        topic.send(brokenLink, afterAGap, genuineLanded);
        genuine.add(genuineLanded);

        EventEnvelope fork = project.forged(3, genuine.get(2).hash(),
                new ProjectSuspended(projectId, LocalDate.parse("2024-06-02"), "a second writer"));
        genuine.add(project.next(new ProjectSuspended(projectId, LocalDate.parse("2024-07-01"), "awaiting permits")));
        topic.send(fork, genuine.get(4));

        ProjectStream other = new ProjectStream("120101");
        // schema 1.1: planned dates, responsible person and leader, source (issue 19)
        otherProjectsRegistration = other.next(new ProjectRegistered(other.projectId, "HP-2024-007", "Biolab",
                "120101", "biomedicine", "Lab Inc.", new BigDecimal("10.00"), null,
                new PlannedDates(null, LocalDate.parse("2024-09-30"), null, LocalDate.parse("2026-06-30")), "张伟", "李明",
                "world-intelligence-expo"));
        topic.send(otherProjectsRegistration);

        ProjectStream early = new ProjectStream("120102");
        earlyArrival = List.of(
                early.next(new ProjectRegistered(early.projectId, "HD-2024-003", "Robotics", "120102", "high-end-equipment",
                        "Robot Co.", new BigDecimal("120000000.00"), null)),
                early.next(new MilestoneRecorded(early.projectId, Stage.TALKS, LocalDate.parse("2024-02-01"), null, null)),
                early.next(new MilestoneRecorded(early.projectId, Stage.SIGNED, LocalDate.parse("2024-02-20"), null, null)));
        topic.send(earlyArrival.get(0), earlyArrival.get(2), earlyArrival.get(1));

        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(history(early.projectId.toString(), "auditor").body()).hasSize(3);
            assertThat(history(projectId.toString(), "auditor").status()).isEqualTo(200);
            assertThat(history(projectId.toString(), "auditor").body()).hasSize(genuine.size());
            assertThat(history(other.projectId.toString(), "auditor").status()).isEqualTo(200);
        });
    }

    @Test
    void historyListsTheProjectsEventsInSequenceOrderWithTheirFullEnvelope() {
        JsonNode history = history(projectId.toString(), "auditor").body();

        assertThat(history).hasSize(5);
        for (int i = 0; i < genuine.size(); i++) {
            EventEnvelope expected = genuine.get(i);
            JsonNode event = history.get(i);
            assertThat(event.get("id").asString()).isEqualTo(expected.id().toString());
            assertThat(event.get("type").asString()).isEqualTo(expected.type());
            assertThat(event.get("subject").asString()).isEqualTo(projectId.toString());
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("time").asString()).matches(TIME_FORMAT).isEqualTo(EventTime.format(expected.time()));
            assertThat(event.get("recordedBy").asString()).isEqualTo("d120116");
            assertThat(event.get("prevHash").asString())
                    .isEqualTo(i == 0 ? HashChain.GENESIS_PREV_HASH : history.get(i - 1).get("hash").asString());
            assertThat(event.get("hash").asString()).isEqualTo(expected.hash());
            assertThat(event.get("district").asString()).isEqualTo("120116");
            assertThat(event.get("data").get("projectId").asString()).isEqualTo(projectId.toString());
        }
        assertThat(history.get(0).get("data").get("name").asString()).isEqualTo("新能源电池基地");
        assertThat(history.get(0).get("data").get("plannedInvestmentCny").isString()).isTrue();
        assertThat(history.get(2).get("data").get("amountCny").asString()).isEqualTo("3000000000.00");
        assertThat(history.get(3).get("data").get("effectiveDate").asString()).isEqualTo("2024-06-01");
    }

    @Test
    void aSchema11RegistrationIsKeptWithItsNewFieldsAndItsHashRecomputesFromTheAnswer() {
        JsonNode registration = history(otherProjectsRegistration.subject().toString(), "auditor").body().get(0);

        assertThat(registration.at("/data/plannedDates/landed").asString()).isEqualTo("2024-09-30");
        assertThat(registration.at("/data/plannedDates").has("signed")).as("a stage without a plan is left out").isFalse();
        assertThat(registration.at("/data/source").asString()).isEqualTo("world-intelligence-expo");
        assertThat(HashChain.hashOfJson(registration)).isEqualTo(otherProjectsRegistration.hash());
        assertThat(EventCodec.envelopeFromJson(registration.toString()).data()).isEqualTo(otherProjectsRegistration.data());
    }

    @Test
    void everyHashCanBeRecomputedFromTheAnswerAlone() {
        history(projectId.toString(), "admin").body().forEach(event -> {
            EventEnvelope envelope = EventCodec.envelopeFromJson(event.toString());
            assertThat(envelope.hashIsIntact()).as("event %s", envelope.id()).isTrue();
        });
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        List<String> ids = new ArrayList<>();
        history(projectId.toString(), "auditor").body().forEach(event -> ids.add(event.get("id").asString()));
        assertThat(ids).doesNotHaveDuplicates().contains(genuine.get(1).id().toString());
    }

    @Test
    void recordsThatFailACheckAreParkedCountedAndNamedByVerification() {
        // other tests of the module park records too: counters and gauge are at least this project's
        assertThat(rejected("hash-mismatch")).as("altered hash and altered body").isGreaterThanOrEqualTo(2);
        assertThat(rejected("prev-hash-mismatch")).isGreaterThanOrEqualTo(1);
        assertThat(rejected("missing-predecessor")).as("a gap, and an event that came early").isGreaterThanOrEqualTo(2);
        assertThat(rejected("sequence-taken")).isGreaterThanOrEqualTo(1);
        assertThat(metric(LedgerIngest.PARKED_METRIC)).as("outstanding").isGreaterThanOrEqualTo(5);
        List<String> deadLetters = new ArrayList<>();
        deadLettersOf(projectId).forEach(letter -> deadLetters.add(letter.get("sequence").asLong() + " "
                + letter.get("reason").asString() + " " + letter.get("status").asString() + " " + letter.get("attempts").asInt()));
        assertThat(deadLetters).containsExactlyInAnyOrder("3 hash-mismatch parked 1", "3 hash-mismatch parked 1",
                "3 prev-hash-mismatch parked 1", "5 missing-predecessor parked 1", "3 sequence-taken parked 1");

        JsonNode report = post("/api/audit/verification", "auditor").json();
        assertThat(report.get("ok").asBoolean()).isFalse();
        List<String> named = new ArrayList<>();
        report.get("problems").forEach(problem -> {
            if (problem.get("projectId").asString("").equals(projectId.toString())) {
                named.add(problem.get("sequence").asLong() + " " + problem.get("problem").asString().replaceAll(":.*", ""));
            }
        });
        assertThat(named).containsExactlyInAnyOrder("3 parked (hash-mismatch)", "3 parked (hash-mismatch)",
                "3 parked (prev-hash-mismatch)", "5 parked (missing-predecessor)", "3 parked (sequence-taken)");
    }

    @Test
    void anEventThatCameBeforeItsPredecessorJoinsTheChainAfterIt() {
        List<String> ids = new ArrayList<>();
        history(earlyArrival.get(0).subject().toString(), "auditor").body().forEach(event -> ids.add(event.get("id").asString()));
        assertThat(ids).containsExactlyElementsOf(earlyArrival.stream().map(event -> event.id().toString()).toList());

        post("/api/audit/verification", "auditor").json().get("problems").forEach(problem -> assertThat(
                problem.get("projectId").asString("")).isNotEqualTo(earlyArrival.get(0).subject().toString()));
        assertThat(deadLettersOf(earlyArrival.get(0).subject())).singleElement().satisfies(letter -> {
            assertThat(letter.get("reason").asString()).isEqualTo("missing-predecessor");
            assertThat(letter.get("status").asString()).as("it joined the ledger").isEqualTo("reprocessed");
        });
    }

    /** Every table of the service and a column of each to try to change. */
    private static final Map<String, String> TABLES = Map.of("ledger_event", "recorded_by", "parked_event", "recorded_by",
            "dead_letter_attempt", "reason", "dead_letter_resolution", "by_user", "dead_letter_operation", "by_user",
            "period_close", "by_user");

    @Test
    void theServiceMayNeitherChangeNorRemoveWhatItStored(@Autowired JdbcClient jdbc) {
        for (Map.Entry<String, String> entry : TABLES.entrySet()) {
            String table = entry.getKey();
            for (String change : List.of("UPDATE " + table + " SET " + entry.getValue() + " = 'someone else'",
                    "DELETE FROM " + table, "TRUNCATE " + table)) {
                assertThatThrownBy(() -> jdbc.sql(change).update()).as(change).rootCause()
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(history(projectId.toString(), "auditor").body()).hasSize(genuine.size());
    }

    @Test
    void evenTheTablesOwnerCannotChangeTheLedgerWhileTheGuardIsOn() throws SQLException {
        try (Connection owner = superuser(); Statement statement = owner.createStatement()) {
            // rows for the row-level triggers to meet, whatever ran before (no dead letter has a negative id)
            long fake = -1 - Math.abs(System.nanoTime() % 1_000_000_000L);
            statement.execute("INSERT INTO dead_letter_resolution (dead_letter_id, status, by_user) VALUES ("
                    + fake + ", 'discarded', 'AuditServiceIT')");
            statement.execute("INSERT INTO dead_letter_operation (dead_letter_id, action, by_user, reason, outcome) VALUES ("
                    + fake + ", 'discard', 'AuditServiceIT', 'a row for the append-only test', 'discarded')");
            // a month of a district the reference data does not know, so that no close of a test is disturbed
            statement.execute("INSERT INTO period_close (district, period, step, action, at, by_user) VALUES ("
                    + "'AuditServiceIT', '1999-01', " + (-fake) + ", 'close', now(), 'AuditServiceIT')");
            for (Map.Entry<String, String> entry : TABLES.entrySet()) {
                String table = entry.getKey();
                for (String change : List.of("UPDATE " + table + " SET " + entry.getValue() + " = 'someone else'",
                        "DELETE FROM " + table, "TRUNCATE " + table)) {
                    assertThatThrownBy(() -> statement.execute(change)).as(change).hasMessageContaining("append-only");
                }
            }
        }
        assertThat(history(projectId.toString(), "auditor").body()).hasSize(genuine.size());
    }

    @Test
    void theHistoryOfAProjectHoldsNoOtherProjectsEvents() {
        JsonNode history = history(otherProjectsRegistration.subject().toString(), "auditor").body();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("id").asString()).isEqualTo(otherProjectsRegistration.id().toString());
        assertThat(history.get(0).get("district").asString()).isEqualTo("120101");
    }

    @Test
    void onlyAuditorsAndAdminsReadTheLedger() {
        List<String> reads = List.of("/api/audit/projects/" + projectId + "/history", "/api/audit/funnel",
                "/api/audit/export?format=jsonl&project=" + projectId, "/api/audit/export?format=csv");
        List<String> actions = List.of("/api/audit/verification", "/api/audit/reconciliation");
        List<String> deadLetterReads = List.of("/api/admin/dead-letters", "/api/admin/dead-letters?status=all",
                "/api/admin/dead-letters/operations");
        List<String> deadLetterActions = List.of("/api/admin/dead-letters/1/reprocess", "/api/admin/dead-letters/1/discard",
                "/api/admin/dead-letters/projects/" + projectId + "/reprocess");
        for (String user : List.of("leader", "d120116", "r120116")) {
            reads.forEach(path -> assertRefused(get(path, user), 403, path + " as " + user));
            deadLetterReads.forEach(path -> assertRefused(get(path, user), 403, path + " as " + user));
            actions.forEach(path -> assertRefused(post(path, user), 403, "POST " + path + " as " + user));
            deadLetterActions.forEach(path -> assertRefused(post(path, user), 403, "POST " + path + " as " + user));
        }
        deadLetterActions.forEach(path -> assertRefused(post(path, "auditor"), 403, "POST " + path + " as auditor"));
        reads.forEach(path -> assertRefused(get(path, null), 401, path));
        deadLetterReads.forEach(path -> assertRefused(get(path, null), 401, path));
        actions.forEach(path -> assertRefused(post(path, null), 401, "POST " + path));
        deadLetterActions.forEach(path -> assertRefused(post(path, null), 401, "POST " + path));
        for (String user : List.of("auditor", "admin")) {
            reads.forEach(path -> assertThat(get(path, user).status()).as(path + " as " + user).isEqualTo(200));
            deadLetterReads.forEach(path -> assertThat(get(path, user).status()).as(path + " as " + user).isEqualTo(200));
            assertThat(post("/api/audit/verification", user).status()).as(user).isEqualTo(200);
        }
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void reconciliationSaysWhenFunnelServiceCannotBeAsked() {
        TextAnswer answer = post("/api/audit/reconciliation", "auditor");
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:groundbreak:problem:funnel-service-unavailable");
    }

    private static void assertRefused(TextAnswer answer, int status, String what) {
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
    }

    @Test
    void aProjectWithoutEventsOrAnIdThatIsNoUuidIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-project")) {
            Http.Answer answer = history(id, "auditor");
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    /** The answer with its events as the body when it is 200. */
    private Http.Answer history(String projectId, String user) {
        Http.Answer answer = http.get("/api/audit/projects/" + projectId + "/history", user);
        return answer.status() == 200 ? new Http.Answer(200, answer.contentType(), answer.body().get("events")) : answer;
    }

    private long rejected(String reason) {
        return metric(LedgerIngest.REJECTED_METRIC + "?tag=reason:" + reason);
    }

    private long metric(String query) {
        Http.Answer answer = http.get("/actuator/metrics/" + query, "admin");
        assertThat(answer.status()).as(query).isEqualTo(200);
        return Math.round(answer.body().get("measurements").get(0).get("value").asDouble());
    }

    private MilestoneRecorded milestone(Stage stage, String effectiveDate, String amountCny) {
        return new MilestoneRecorded(projectId, stage, LocalDate.parse(effectiveDate),
                amountCny == null ? null : new BigDecimal(amountCny), amountCny == null ? null : "签约仪式");
    }
}
