package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.http.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Dead-letter operations as issue 16's contract has them: parked records listed with reason, detail, project,
 * sequence, event, failures and attempts; a project's later events waiting behind its parked one and released
 * in order by a reprocess; discards with a reason; every operation recorded; the health indicator
 * {@code eventIntake} DEGRADED while anything is outstanding, readiness UP all the while. District 120110 and 2019 dates are this class's.
 */
class DeadLetterIT extends FunnelServiceTestBase {

    private static final String DISTRICT = "120110";

    @Autowired
    MeterRegistry meters;

    /** Sequence 1 is missing: 2 and 3 are parked; 1 comes; reprocessing 2 applies it and releases 3. */
    @Test
    void laterEventsWaitBehindTheParkedOneAndAreReleasedInOrder() {
        GapAtTalks gap = parkedBehindAGap("aerospace", "700.00", "2019-01-10", "2019-02-10", "2019-03-10");
        ProjectStream project = gap.project();
        EventEnvelope talks = gap.talks();
        EventEnvelope signed = gap.signed();
        EventEnvelope landed = gap.landed();

        List<JsonNode> parked = deadLettersOf(project.projectId.value(), "outstanding");
        JsonNode first = parked.get(0);
        assertThat(first.get("reason").asString()).isEqualTo("gap");
        assertThat(first.get("status").asString()).isEqualTo("parked");
        assertThat(first.get("sequence").asLong()).isEqualTo(2);
        assertThat(first.get("eventId").asString()).isEqualTo(signed.id().toString());
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("firstFailureAt").asString()).isNotBlank();
        assertThat(first.get("lastFailureAt").asString()).isNotBlank();
        assertThat(parked.get(1).get("sequence").asLong()).isEqualTo(3);
        assertThat(parked.get(1).get("detail").asString()).contains("waits behind parked record " + first.get("id").asLong());
        assertIntake("DEGRADED");

        publish(talks);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(project)).isEqualTo("TALKS"));
        assertThat(deadLettersOf(project.projectId.value(), "outstanding")).hasSize(2);

        Http.Answer reprocessed = post("/api/admin/dead-letters/" + first.get("id").asLong() + "/reprocess", "admin", null);
        assertThat(reprocessed.status()).as(String.valueOf(reprocessed.body())).isEqualTo(200);
        assertThat(reprocessed.body().get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(reprocessed.body().get("status").asString()).isEqualTo("reprocessed");
        assertThat(reprocessed.body().get("outcome").asString()).isEqualTo("applied");
        remember(signed, landed);
        assertThat(stageOf(project)).isEqualTo("LANDED");
        assertThat(deadLettersOf(project.projectId.value(), "outstanding")).isEmpty();
        assertThat(deadLettersOf(project.projectId.value(), "all")).extracting(deadLetter -> deadLetter.get("status").asString())
                .containsExactly("reprocessed", "reprocessed");

        List<JsonNode> operations = operationsOf(project.projectId.value());
        assertThat(operations).hasSize(2);
        // newest first: the released one, then the one asked for
        assertThat(operations.get(0).get("deadLetterId").asLong()).isEqualTo(parked.get(1).get("id").asLong());
        assertThat(operations.get(0).get("outcome").asString())
                .isEqualTo("released after dead letter " + first.get("id").asLong() + ": applied");
        assertThat(operations.get(1).get("action").asString()).isEqualTo("reprocess");
        assertThat(operations.get(1).get("by").asString()).isEqualTo("admin");
        assertThat(operations.get(1).get("at").asString()).isNotBlank();
        assertThat(operations.get(1).get("reason").isNull()).isTrue();

        Http.Answer again = post("/api/admin/dead-letters/" + first.get("id").asLong() + "/reprocess", "admin", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("status").asString()).isEqualTo("reprocessed");
        assertThat(again.body().get("outcome").asString()).isEqualTo("already reprocessed");
        assertThat(stageOf(project)).isEqualTo("LANDED");
        assertProblem(post("/api/admin/dead-letters/" + first.get("id").asLong() + "/discard", "admin",
                "{\"reason\":\"too late\"}"), 409);

        // a rebuild reads the topic in its order (2 and 3 before 1: gaps there), and keeps what was released
        String head = headOf(project);
        String active = get("/api/admin/rebuild", "admin").get("active").asString();
        assertThat(post("/api/admin/rebuild", "admin", null).status()).isEqualTo(202);
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode rebuild = get("/api/admin/rebuild", "admin");
            assertThat(rebuild.get("running").asBoolean()).isFalse();
            assertThat(rebuild.get("last").get("failure").isNull()).as(rebuild.toString()).isTrue();
            assertThat(rebuild.get("active").asString()).isNotEqualTo(active);
        });
        assertThat(stageOf(project)).isEqualTo("LANDED");
        assertThat(headOf(project)).isEqualTo(head).isEqualTo("3 " + landed.hash());
    }

    /** A project whose talks (sequence 1) are held back: its registration applied, signed and landed parked behind the gap. */
    private record GapAtTalks(ProjectStream project, EventEnvelope talks, EventEnvelope signed, EventEnvelope landed) {
    }

    private GapAtTalks parkedBehindAGap(String chain, String investment, String talksOn, String signedOn, String landedOn) {
        ProjectStream project = new ProjectStream(DISTRICT);
        EventEnvelope registration = project.next(registered(project.projectId, DISTRICT, chain, investment));
        EventEnvelope talks = project.forged(1, registration.hash(), milestone(project.projectId, Stage.TALKS, talksOn));
        EventEnvelope signed = project.forged(2, talks.hash(), milestone(project.projectId, Stage.SIGNED, signedOn));
        EventEnvelope landed = project.forged(3, signed.hash(), milestone(project.projectId, Stage.LANDED, landedOn));
        publish(registration);
        topic().send(signed, landed);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(deadLettersOf(project.projectId.value(), "outstanding")).hasSize(2));
        return new GapAtTalks(project, talks, signed, landed);
    }

    private String headOf(ProjectStream project) {
        for (JsonNode head : get("/api/admin/heads", "auditor").get("projects")) {
            if (head.get("projectId").asString().equals(project.projectId.toString())) {
                return head.get("sequence").asLong() + " " + head.get("hash").asString();
            }
        }
        return null;
    }

    /**
     * A reprocess that loses a deadlock is tried again, as the live consumer tries its own: it ends reprocessed, with no
     * attempt counted and no 5xx, whether the record that lost was the one asked for, one released after it, or one of
     * a project's reprocess.
     */
    @Test
    void aReprocessThatLosesADeadlockIsTriedAgain() throws Exception {
        GapAtTalks asked = readyToRelease("aerospace", "2019-10-01", "2019-10-02", "2019-10-03");
        long signed = deadLettersOf(asked.project().projectId.value(), "outstanding").get(0).get("id").asLong();
        assertReleasedWithoutAnAttempt(asked, losingADeadlockOn(signed,
                () -> post("/api/admin/dead-letters/" + signed + "/reprocess", "admin", null)));

        GapAtTalks released = readyToRelease("biomedicine", "2019-10-04", "2019-10-05", "2019-10-06");
        List<JsonNode> parked = deadLettersOf(released.project().projectId.value(), "outstanding");
        assertReleasedWithoutAnAttempt(released, losingADeadlockOn(parked.get(1).get("id").asLong(),
                () -> post("/api/admin/dead-letters/" + parked.get(0).get("id").asLong() + "/reprocess", "admin", null)));

        GapAtTalks project = readyToRelease("new-energy", "2019-10-07", "2019-10-08", "2019-10-09");
        UUID projectId = project.project().projectId.value();
        assertReleasedWithoutAnAttempt(project, losingADeadlockOn(deadLettersOf(projectId, "outstanding").get(1).get("id").asLong(),
                () -> post("/api/admin/dead-letters/projects/" + projectId + "/reprocess", "admin", null)));
    }

    /** A gap whose missing event came meanwhile: its two parked records go in once reprocessed. */
    private GapAtTalks readyToRelease(String chain, String talksOn, String signedOn, String landedOn) {
        GapAtTalks gap = parkedBehindAGap(chain, "500.00", talksOn, signedOn, landedOn);
        publish(gap.talks());
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(gap.project())).isEqualTo("TALKS"));
        return gap;
    }

    private void assertReleasedWithoutAnAttempt(GapAtTalks gap, Http.Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        remember(gap.signed(), gap.landed());
        assertThat(stageOf(gap.project())).isEqualTo("LANDED");
        assertThat(deadLettersOf(gap.project().projectId.value(), "all"))
                .extracting(deadLetter -> deadLetter.get("status").asString() + " " + deadLetter.get("attempts").asInt())
                .containsExactly("reprocessed 1", "reprocessed 1");
        assertThat(operationsOf(gap.project().projectId.value()))
                .extracting(operation -> operation.get("outcome").asString()).allMatch(outcome -> outcome.endsWith("applied"));
    }

    /**
     * Answers {@code request} while a second session takes what a reprocess of dead letter {@code id} takes in the
     * opposite order: that dead letter's row first, then, once the reprocess waits for the row, the advisory (project)
     * locks the reprocess holds. PostgreSQL fails the transaction whose deadlock_timeout runs out first: the
     * reprocess's (1 s), as this session's is a minute; it is checked once, so this session closes the cycle well
     * within that second. Once that lock is taken, this session rolls back.
     */
    private Http.Answer losingADeadlockOn(long id, Supplier<Http.Answer> request) throws Exception {
        CompletableFuture<Http.Answer> answer;
        try (Connection rival = ownSession();
             Statement sql = rival.createStatement()) {
            rival.setAutoCommit(false);
            sql.execute("SET LOCAL deadlock_timeout = '1min'");
            sql.execute("SELECT id FROM public.dead_letter WHERE id = " + id + " FOR UPDATE");
            answer = CompletableFuture.supplyAsync(request);
            int reprocess = await().atMost(PROPAGATION).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> single(sql,
                    "SELECT coalesce(min(pid), 0) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"),
                    pid -> pid != 0);
            assertThat(single(sql, "SELECT count(pg_advisory_xact_lock(classid::int4, objid::int4)) FROM pg_locks "
                    + "WHERE pid = " + reprocess + " AND locktype = 'advisory' AND objsubid = 2 AND granted"))
                    .as("the reprocess holds its project's lock while it waits for the row").isPositive();
            rival.rollback();
        }
        return answer.get(PROPAGATION.toSeconds(), TimeUnit.SECONDS);
    }

    private static int single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** The per-project reprocess goes through a project's records in sequence order and says how many went in. */
    @Test
    void aProjectsParkedRecordsAreReprocessedInSequenceOrder() {
        GapAtTalks gap = parkedBehindAGap("biomedicine", "900.00", "2019-04-11", "2019-05-11", "2019-06-11");
        ProjectStream other = gap.project();

        Http.Answer stillWaiting = post("/api/admin/dead-letters/projects/" + other.projectId + "/reprocess", "admin", null);
        assertThat(stillWaiting.status()).isEqualTo(200);
        assertThat(stillWaiting.body().get("projectId").asString()).isEqualTo(other.projectId.toString());
        assertThat(stillWaiting.body().get("reprocessed").asInt()).isZero();
        assertThat(stillWaiting.body().get("stillParked").asInt()).isEqualTo(2);
        assertThat(deadLettersOf(other.projectId.value(), "outstanding").get(0).get("attempts").asInt()).isEqualTo(2);

        publish(gap.talks());
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(other)).isEqualTo("TALKS"));
        Http.Answer released = post("/api/admin/dead-letters/projects/" + other.projectId + "/reprocess", "admin", null);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("reprocessed").asInt()).isEqualTo(2);
        assertThat(released.body().get("stillParked").asInt()).isZero();
        remember(gap.signed(), gap.landed());
        assertThat(stageOf(other)).isEqualTo("LANDED");

        Http.Answer nothing = post("/api/admin/dead-letters/projects/" + other.projectId + "/reprocess", "admin", null);
        assertThat(nothing.body().get("reprocessed").asInt()).isZero();
        assertThat(nothing.body().get("stillParked").asInt()).isZero();
        assertThat(operationsOf(other.projectId.value()).get(0).get("outcome").asString()).isEqualTo("nothing outstanding");
    }

    /**
     * A record that fails for a reason no retry fixes (here a milestone of a project that was never registered: the
     * read model's foreign key refuses it) is tried three times and parked as failed; a reprocess fails again and
     * says so; an admin discards it with a reason, and its project's next event still waits behind it.
     */
    @Test
    void aRecordNoRetryFixesIsParkedAsFailedAndDiscardedWithAReason() {
        ProjectStream project = new ProjectStream(DISTRICT);
        EventEnvelope orphan = project.next(milestone(project.projectId, Stage.TALKS, "2019-07-01"));
        EventEnvelope next = project.next(milestone(project.projectId, Stage.SIGNED, "2019-07-02"));
        topic().send(orphan, next);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(deadLettersOf(project.projectId.value(), "outstanding")).hasSize(2));
        List<JsonNode> parked = deadLettersOf(project.projectId.value(), "outstanding");
        JsonNode failed = parked.get(0);
        assertThat(failed.get("reason").asString()).isEqualTo("failed");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("detail").asString()).contains("foreign key");
        assertThat(parked.get(1).get("reason").asString()).isEqualTo("gap");
        long id = failed.get("id").asLong();

        Http.Answer reprocess = post("/api/admin/dead-letters/" + id + "/reprocess", "admin", null);
        assertThat(reprocess.status()).isEqualTo(200);
        assertThat(reprocess.body().get("status").asString()).isEqualTo("parked");
        assertThat(reprocess.body().get("outcome").asString()).startsWith("failed again:");
        assertThat(deadLettersOf(project.projectId.value(), "outstanding").get(0).get("attempts").asInt()).isEqualTo(4);

        assertProblem(post("/api/admin/dead-letters/" + id + "/discard", "admin", null), 400);
        assertProblem(post("/api/admin/dead-letters/" + id + "/discard", "admin", "{\"reason\":\"  \"}"), 400);
        assertProblem(post("/api/admin/dead-letters/" + id + "/discard", "admin",
                "{\"reason\":\"" + "x".repeat(1001) + "\"}"), 400);
        assertProblem(post("/api/admin/dead-letters/999999999/discard", "admin", "{\"reason\":\"gone\"}"), 404);
        assertProblem(post("/api/admin/dead-letters/999999999/reprocess", "admin", null), 404);

        Http.Answer discarded = post("/api/admin/dead-letters/" + id + "/discard", "admin",
                "{\"reason\":\"a milestone of a project never registered\"}");
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.body().get("id").asLong()).isEqualTo(id);
        assertThat(discarded.body().get("status").asString()).isEqualTo("discarded");
        assertProblem(post("/api/admin/dead-letters/" + id + "/discard", "admin", "{\"reason\":\"again\"}"), 409);
        assertProblem(post("/api/admin/dead-letters/" + id + "/reprocess", "admin", null), 409);

        JsonNode operation = operationsOf(project.projectId.value()).get(0);
        assertThat(operation.get("action").asString()).isEqualTo("discard");
        assertThat(operation.get("deadLetterId").asLong()).isEqualTo(id);
        assertThat(operation.get("by").asString()).isEqualTo("admin");
        assertThat(operation.get("reason").asString()).isEqualTo("a milestone of a project never registered");
        assertThat(operation.get("outcome").asString()).isEqualTo("discarded");
        assertThat(operationsOf(project.projectId.value()).get(1).get("outcome").asString()).startsWith("failed again:");
        assertThat(deadLettersOf(project.projectId.value(), "outstanding")).hasSize(1);
    }

    /**
     * Records that are not what milestone-service sealed are refused and parked by their reason, and the real
     * events are applied: the next sequence with a broken link (prev-hash-mismatch), with a hash its fields do not
     * give (hash-mismatch), and an event claiming the last applied one's sequence with another hash
     * (sequence-taken).
     */
    @Test
    void recordsThatBreakTheHashChainAreParkedAndTheRealEventsApplied() {
        ProjectStream project = new ProjectStream(DISTRICT);
        EventEnvelope registration = project.next(registered(project.projectId, DISTRICT, "new-materials", "300.00"));
        EventEnvelope signed = project.next(milestone(project.projectId, Stage.SIGNED, "2019-09-02"));
        EventEnvelope brokenLink = project.forged(1, "f".repeat(64), milestone(project.projectId, Stage.TALKS, "2019-09-01"));
        EventEnvelope tampered = new EventEnvelope(signed.id(), signed.type(), signed.subject(), signed.sequence(),
                signed.time(), signed.recordedBy(), signed.prevHash(), signed.hash(), signed.district(),
                milestone(project.projectId, Stage.PRODUCING, "2019-09-02"));
        EventEnvelope taken = project.forged(1, registration.hash(), milestone(project.projectId, Stage.LANDED, "2019-09-03"));
        publish(registration);
        topic().send(brokenLink, tampered);
        publish(signed);
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(stageOf(project)).isEqualTo("SIGNED"));
        topic().send(taken);

        await().atMost(PROPAGATION).untilAsserted(() ->
                assertThat(deadLettersOf(project.projectId.value(), "outstanding")).hasSize(3));
        List<JsonNode> parked = deadLettersOf(project.projectId.value(), "outstanding");
        assertThat(parked).extracting(deadLetter -> deadLetter.get("reason").asString())
                .containsExactly("prev-hash-mismatch", "hash-mismatch", "sequence-taken");
        assertThat(parked).extracting(deadLetter -> deadLetter.get("sequence").asLong()).containsOnly(1L);
        assertThat(stageOf(project)).isEqualTo("SIGNED");
        assertThat(headOf(project)).isEqualTo("1 " + signed.hash());

        Http.Answer reprocessed = post("/api/admin/dead-letters/" + parked.get(0).get("id").asLong() + "/reprocess",
                "admin", null);
        assertThat(reprocessed.body().get("status").asString()).isEqualTo("parked");
        assertThat(reprocessed.body().get("outcome").asString()).startsWith("still parked (sequence-taken)");
        assertThat(stageOf(project)).isEqualTo("SIGNED");
        for (JsonNode deadLetter : parked) {
            assertThat(post("/api/admin/dead-letters/" + deadLetter.get("id").asLong() + "/discard", "admin",
                    "{\"reason\":\"not sealed by milestone-service\"}").status()).isEqualTo(200);
        }
    }

    /** Admins and auditors read; only admins act; others 403, anonymous 401, a bad status 400. */
    @Test
    void rolesAndParameters() {
        assertThat(http().get("/api/admin/dead-letters", "auditor").status()).isEqualTo(200);
        assertThat(http().get("/api/admin/dead-letters/operations", "auditor").status()).isEqualTo(200);
        assertThat(http().get("/api/admin/dead-letters?status=all", "admin").status()).isEqualTo(200);
        assertProblem(http().get("/api/admin/dead-letters", "leader"), 403);
        assertProblem(http().get("/api/admin/dead-letters/operations", "d120110"), 403);
        assertProblem(http().get("/api/admin/dead-letters", null), 401);
        assertProblem(http().get("/api/admin/dead-letters?status=nonsense", "admin"), 400);
        assertProblem(post("/api/admin/dead-letters/1/reprocess", "auditor", null), 403);
        assertProblem(post("/api/admin/dead-letters/projects/" + UUID.randomUUID() + "/reprocess", "leader", null), 403);
        assertProblem(post("/api/admin/dead-letters/1/discard", "auditor", "{\"reason\":\"no\"}"), 403);
        assertProblem(post("/api/admin/dead-letters/1/discard", null, "{\"reason\":\"no\"}"), 401);
    }

    /**
     * A record outstanding turns {@code eventIntake} DEGRADED in the health details, for monitoring, while readiness,
     * the root health and liveness stay UP: every instance holds the same parked records, and a load balancer that took
     * them all out would leave leaders nothing to read although the read model answers. Once every outstanding record
     * is settled, {@code eventIntake} is UP again, with its details.
     */
    @Test
    void aParkedRecordTurnsEventIntakeDegradedWhileReadinessStaysUp() {
        ProjectStream project = new ProjectStream(DISTRICT);
        EventEnvelope registration = project.next(registered(project.projectId, DISTRICT, "aerospace", "100.00"));
        publish(registration);
        topic().send(project.forged(5, registration.hash(), milestone(project.projectId, Stage.TALKS, "2019-08-01")));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(deadLettersOf(project.projectId.value(), "outstanding")).hasSize(1));

        JsonNode degraded = assertIntake("DEGRADED");
        await().atMost(PROPAGATION).untilAsserted(() ->
                assertThat(meters.get("groundbreak.funnel.events.parked").gauge().value()).isPositive());
        assertThat(meters.get("groundbreak.funnel.consumer.lag").gauge().value()).isNotNaN();
        JsonNode details = degraded.get("details");
        assertThat(details.get("parked").asLong()).isPositive();
        assertThat(details.get("maxLag").asLong()).isEqualTo(10000);
        assertThat(details.has("lag")).isTrue();
        Http.Answer readiness = http().get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(String.valueOf(readiness.body())).isEqualTo(200);
        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db");
        Http.Answer root = http().get("/actuator/health", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body().get("status").asString()).isEqualTo("UP");
        assertThat(root.body().get("components").get("eventIntake").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(http().get("/actuator/health/liveness", null).status()).isEqualTo(200);

        for (JsonNode deadLetter : get("/api/admin/dead-letters", "admin").get("deadLetters")) {
            assertThat(post("/api/admin/dead-letters/" + deadLetter.get("id").asLong() + "/discard", "admin",
                    "{\"reason\":\"event intake test: settled\"}").status()).isIn(200, 409);
        }
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode up = assertIntake("UP");
            assertThat(up.get("details").get("parked").asLong()).isZero();
            assertThat(up.get("details").get("lag").asLong()).isLessThanOrEqualTo(10000);
            assertThat(meters.get("groundbreak.funnel.events.parked").gauge().value()).isZero();
        });
    }

    /** {@code /actuator/health/eventIntake}: 200 whatever its status (DEGRADED is for monitoring, not for probes). */
    private JsonNode assertIntake(String status) {
        Http.Answer intake = http().get("/actuator/health/eventIntake", null);
        assertThat(intake.status()).as(String.valueOf(intake.body())).isEqualTo(200);
        assertThat(intake.body().get("status").asString()).isEqualTo(status);
        return intake.body();
    }

    private static void assertProblem(Http.Answer answer, int status) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private String stageOf(ProjectStream project) {
        Http.Answer answer = http().get("/api/projects/" + project.projectId + "?asOf=2019-12-31", "leader");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode stage = answer.body().get("project").get("stage");
        return stage.isNull() ? "null" : stage.get("code").asString();
    }

    private List<JsonNode> deadLettersOf(UUID projectId, String status) {
        List<JsonNode> found = new ArrayList<>();
        get("/api/admin/dead-letters?status=" + status, "auditor").get("deadLetters").forEach(deadLetter -> {
            if (projectId.toString().equals(deadLetter.get("projectId").asString())) {
                found.add(deadLetter);
            }
        });
        return found;
    }

    private List<JsonNode> operationsOf(UUID projectId) {
        List<JsonNode> found = new ArrayList<>();
        get("/api/admin/dead-letters/operations", "auditor").get("operations").forEach(operation -> {
            if (projectId.toString().equals(operation.get("projectId").asString())) {
                found.add(operation);
            }
        });
        return found;
    }
}
