package io.groundbreak.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Records that are not events (not JSON, failing the schema, no envelope) were only counted and logged: now
 * they are parked with their reason and shown, reprocessed and discarded through the dead-letter API, every
 * operation recorded; and a parked record turns the health indicator {@code eventIntake} DEGRADED while the
 * process, and its readiness, stay UP.
 */
class DeadLettersIT extends AuditIT {

    private UUID project;
    private EventEnvelope shape;

    @BeforeAll
    void publishPoison() {
        ProjectStream stream = new ProjectStream("120116");
        project = stream.projectId.value();
        shape = stream.next(new ProjectRegistered(stream.projectId, "POISON-1", "Poison", "120116", "new-energy",
                "Investor", new BigDecimal("1.00"), null));
        Map<String, String> headers = CloudEventHeaders.of(shape);
        topic.send(project.toString(), headers, "this is not JSON".getBytes(StandardCharsets.UTF_8));
        topic.send(project.toString(), headers, ("{\"projectId\":\"" + project + "\"}").getBytes(StandardCharsets.UTF_8));
        topic.send(project.toString(), Map.of(), EventCodec.toJsonBytes(shape.data()));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(deadLettersOf(project)).hasSize(3));
    }

    @Test
    void aRecordThatIsNoEventIsParkedWithItsReasonAndNamedByVerification() {
        List<JsonNode> letters = deadLettersOf(project);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.get("reason").asString()).isEqualTo("malformed");
            assertThat(letter.get("detail").asString()).isNotBlank();
            assertThat(letter.get("id").isIntegralNumber()).isTrue();
            assertThat(Instant.parse(letter.get("firstFailureAt").asString()))
                    .isBeforeOrEqualTo(Instant.parse(letter.get("lastFailureAt").asString()));
        });
        assertThat(letters.stream().filter(letter -> letter.get("eventId").asString("").equals(shape.id().toString()))
                .map(letter -> letter.get("sequence").asLong())).as("what the headers claim").containsExactly(0L, 0L);
        List<String> named = post("/api/audit/verification", "auditor").json().get("problems").valueStream()
                .filter(problem -> problem.path("projectId").asString("").equals(project.toString()))
                .map(problem -> problem.get("problem").asString().replaceAll(":.*", "")).toList();
        // reprocessDiscardAndTheLogOfOperations may have discarded one already
        assertThat(named).hasSizeBetween(2, 3).containsOnly("parked (malformed)");
    }

    @Test
    void reprocessDiscardAndTheLogOfOperations() {
        JsonNode letter = deadLettersOf(project).get(0);
        long id = letter.get("id").asLong();

        TextAnswer reprocess = post("/api/admin/dead-letters/" + id + "/reprocess", "admin");
        assertThat(reprocess.status()).isEqualTo(200);
        assertThat(reprocess.json().get("id").asLong()).isEqualTo(id);
        assertThat(reprocess.json().get("status").asString()).isEqualTo("parked");
        assertThat(reprocess.json().get("outcome").asString()).startsWith("still parked (malformed)");
        JsonNode again = byId(id);
        assertThat(again.get("attempts").asInt()).isEqualTo(letter.get("attempts").asInt() + 1);
        assertThat(Instant.parse(again.get("lastFailureAt").asString()))
                .isAfter(Instant.parse(again.get("firstFailureAt").asString()));

        for (String body : List.of("", "{}", "{\"reason\":\"  \"}", "{\"reason\":\"" + "x".repeat(1001) + "\"}",
                "{\"reason\":\"nul\\u0000here\"}")) {
            TextAnswer refused = postJson("/api/admin/dead-letters/" + id + "/discard", "admin", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(byId(id).get("status").asString()).as("nothing written").isEqualTo("parked");

        TextAnswer discard = postJson("/api/admin/dead-letters/" + id + "/discard", "admin",
                "{\"reason\":\"a test's poison record\"}");
        assertThat(discard.status()).isEqualTo(200);
        assertThat(discard.json().get("status").asString()).isEqualTo("discarded");
        assertThat(byId(id).get("status").asString()).isEqualTo("discarded");
        assertThat(get("/api/admin/dead-letters", "auditor").json().get("deadLetters").valueStream()
                .map(item -> item.get("id").asLong())).as("outstanding only").doesNotContain(id);

        assertProblem(postJson("/api/admin/dead-letters/" + id + "/discard", "admin", "{\"reason\":\"again\"}"), 409);
        assertProblem(post("/api/admin/dead-letters/" + id + "/reprocess", "admin"), 409);
        for (String unknown : List.of("999999999", "not-a-number")) {
            assertProblem(post("/api/admin/dead-letters/" + unknown + "/reprocess", "admin"), 404);
            assertProblem(postJson("/api/admin/dead-letters/" + unknown + "/discard", "admin", "{\"reason\":\"x\"}"), 404);
        }
        assertProblem(get("/api/admin/dead-letters?status=bogus", "admin"), 400);

        JsonNode operations = get("/api/admin/dead-letters/operations", "auditor").json().get("operations");
        JsonNode newest = operations.valueStream().filter(operation -> operation.path("deadLetterId").asLong(-1) == id)
                .findFirst().orElseThrow();
        assertThat(newest.get("action").asString()).as("newest first").isEqualTo("discard");
        assertThat(newest.get("by").asString()).isEqualTo("admin");
        assertThat(newest.get("reason").asString()).isEqualTo("a test's poison record");
        assertThat(newest.get("outcome").asString()).isEqualTo("discarded");
        assertThat(newest.get("projectId").asString()).isEqualTo(project.toString());
        assertThat(Instant.parse(newest.get("at").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(operations.valueStream().filter(operation -> operation.path("deadLetterId").asLong(-1) == id)
                .map(operation -> operation.get("action").asString())).containsExactly("discard", "reprocess");
    }

    @Test
    void aParkedRecordTurnsEventIntakeDegradedWhileTheProcessAndItsReadinessStayUp() {
        TextAnswer root = get("/actuator/health", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().get("status").asString()).isEqualTo("UP");
        JsonNode intake = root.json().get("components").get("eventIntake");
        assertThat(intake.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(intake.get("details").get("parked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(intake.get("details").get("maxLag").asLong()).isEqualTo(10000);
        assertThat(intake.get("details").get("lag").asLong()).as("the broker answers").isGreaterThanOrEqualTo(0);

        TextAnswer readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().get("components").has("eventIntake")).isFalse();
        assertThat(get("/actuator/health/liveness", null).status()).isEqualTo(200);

        TextAnswer lag = get("/actuator/metrics/groundbreak.audit.events.lag", "admin");
        assertThat(lag.status()).isEqualTo(200);
    }

    /**
     * An event PostgreSQL refuses for a reason no retry fixes (a time beyond timestamptz's range): parked as
     * {@code failed}, as the record it is, never retried forever nor dropped; the project's next event waits
     * behind it.
     */
    @Test
    void anEventNoRetryCanStoreIsParkedAsFailed() {
        ProjectStream stream = new ProjectStream("120101");
        EventEnvelope first = io.groundbreak.events.HashChain.seal(UUID.randomUUID(), 0,
                Instant.parse("+300000-01-01T00:00:00Z"), "d120101", io.groundbreak.events.HashChain.GENESIS_PREV_HASH,
                "120101", new ProjectRegistered(stream.projectId, "FAR-1", "Far future", "120101", "new-energy",
                        "Investor", new BigDecimal("1.00"), null));
        EventEnvelope second = io.groundbreak.events.HashChain.seal(UUID.randomUUID(), 1, Instant.now(), "d120101",
                first.hash(), "120101", new io.groundbreak.events.MilestoneRecorded(stream.projectId,
                        io.groundbreak.events.Stage.TALKS, java.time.LocalDate.parse("2024-01-10"), null, null));
        topic.send(first, second);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(deadLettersOf(stream.projectId)).hasSize(2));
        List<JsonNode> letters = deadLettersOf(stream.projectId);
        assertThat(letters.get(0).get("reason").asString()).isEqualTo("failed");
        assertThat(letters.get(0).get("eventId").asString()).isEqualTo(first.id().toString());
        assertThat(letters.get(0).get("sequence").asLong()).isZero();
        assertThat(letters.get(0).get("detail").asString()).isNotBlank();
        assertThat(letters.get(1).get("reason").asString()).isEqualTo("missing-predecessor");

        // the whole project delivered again (offsets reset): the same dead letters, one more attempt each
        topic.send(first, second);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(deadLettersOf(stream.projectId))
                .extracting(letter -> letter.get("attempts").asInt()).containsExactly(2, 2));
        TextAnswer reprocess = post("/api/admin/dead-letters/" + letters.get(0).get("id").asLong() + "/reprocess", "admin");
        assertThat(reprocess.status()).isEqualTo(200);
        assertThat(reprocess.json().get("status").asString()).isEqualTo("parked");
        assertThat(reprocess.json().get("outcome").asString()).startsWith("still parked (failed)");
    }

    private JsonNode byId(long id) {
        return deadLettersOf(project).stream().filter(letter -> letter.get("id").asLong() == id).findFirst().orElseThrow();
    }

    private static void assertProblem(TextAnswer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
