package io.groundbreak.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.events.ProjectStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Completeness against the source: milestone-service's heads (served here by a real HTTP server) say what
 * each project holds; verification names every project the ledger or funnel-service is behind on, every
 * parked record and every gap, and is not ok while any is listed. A project's later events wait behind its
 * missing one, are reprocessed in order without effect while it is missing, and are released in sequence
 * order once it arrives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompletenessIT extends AuditIT {

    /** Sequence 1 never reaches the topic. */
    private final List<EventEnvelope> gapped = new ArrayList<>();
    /** In the ledger; funnel-service is one event behind. */
    private final List<EventEnvelope> funnelLags = new ArrayList<>();
    /** Its last event never reaches the topic (nothing later arrives, so nothing is parked). */
    private final List<EventEnvelope> lostTail = new ArrayList<>();
    /** The source holds another event at the ledger's head sequence (a different chain). */
    private final List<EventEnvelope> forked = new ArrayList<>();
    private final List<EventEnvelope> sourceFork = new ArrayList<>();
    /** The ledger holds an event recorded after the source was read: ahead, not behind. */
    private final List<EventEnvelope> ahead = new ArrayList<>();

    @BeforeAll
    void publish() {
        history(gapped, "120103", 4);
        history(funnelLags, "120104", 2);
        history(lostTail, "120105", 2);
        topic.send(gapped.get(0), gapped.get(2), gapped.get(3));
        topic.send(funnelLags.toArray(EventEnvelope[]::new));
        topic.send(lostTail.get(0));
        history(forked, "120106", 1);
        sourceFork.add(io.groundbreak.events.HashChain.seal(UUID.randomUUID(), 0, java.time.Instant.now(), "d120106",
                io.groundbreak.events.HashChain.GENESIS_PREV_HASH, "120106", forked.get(0).data()));
        history(ahead, "120107", 2);
        topic.send(forked.get(0));
        topic.send(ahead.toArray(EventEnvelope[]::new));
        HEADS.milestoneHead(sourceFork.get(0));
        HEADS.funnelHead(sourceFork.get(0));
        HEADS.milestoneHead(ahead.get(0));
        HEADS.funnelHead(ahead.get(1));
        HEADS.milestoneHead(gapped.get(3));
        HEADS.funnelHead(gapped.get(3));
        HEADS.milestoneHead(funnelLags.get(1));
        HEADS.funnelHead(funnelLags.get(0));
        HEADS.milestoneHead(lostTail.get(1));
        HEADS.funnelHead(lostTail.get(1));
        awaitLedger(List.of(gapped.subList(0, 1), funnelLags, lostTail.subList(0, 1), forked, ahead));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(deadLettersOf(subject(gapped))).hasSize(2));
    }

    @Test
    @Order(1)
    void verificationNamesTheProjectsBehindTheParkedRecordsAndTheGap() {
        TextAnswer answer = post("/api/audit/verification", "auditor");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("ok").asBoolean()).isFalse();
        JsonNode completeness = report.get("completeness");
        assertThat(completeness.get("sourceProjects").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode behind = only(completeness.get("ledgerBehind"), gapped);
        assertThat(behind.get("sourceSequence").asLong()).isEqualTo(3);
        assertThat(behind.get("sourceHash").asString()).isEqualTo(gapped.get(3).hash());
        assertThat(behind.get("sequence").asLong()).isEqualTo(0);
        assertThat(behind.get("hash").asString()).isEqualTo(gapped.get(0).hash());
        assertThat(of(completeness.get("gaps"), gapped)).singleElement()
                .satisfies(gap -> assertThat(gap.get("missingSequence").asLong()).isEqualTo(1));
        assertThat(of(completeness.get("parked"), gapped)).extracting(letter -> letter.get("sequence").asLong()
                + " " + letter.get("reason").asString()).containsExactly("2 missing-predecessor", "3 missing-predecessor");

        JsonNode tail = only(completeness.get("ledgerBehind"), lostTail);
        assertThat(tail.get("sourceSequence").asLong()).isEqualTo(1);
        assertThat(tail.get("sequence").asLong()).isEqualTo(0);
        assertThat(of(completeness.get("gaps"), lostTail)).as("nothing later arrived").isEmpty();

        assertThat(of(completeness.get("ledgerBehind"), funnelLags)).isEmpty();
        JsonNode funnelBehind = only(completeness.get("funnelBehind"), funnelLags);
        assertThat(funnelBehind.get("sourceSequence").asLong()).isEqualTo(1);
        assertThat(funnelBehind.get("sequence").asLong()).isEqualTo(0);
        assertThat(funnelBehind.get("hash").asString()).isEqualTo(funnelLags.get(0).hash());
        assertThat(of(completeness.get("funnelBehind"), gapped)).isEmpty();

        JsonNode fork = only(completeness.get("ledgerBehind"), forked);
        assertThat(fork.get("sourceSequence").asLong()).isZero();
        assertThat(fork.get("sourceHash").asString()).isEqualTo(sourceFork.get(0).hash());
        assertThat(fork.get("sequence").asLong()).isZero();
        assertThat(fork.get("hash").asString()).as("the same sequence, another event").isEqualTo(forked.get(0).hash());
        assertThat(of(completeness.get("ledgerBehind"), ahead)).as("ahead of the source is not behind").isEmpty();
        assertThat(of(completeness.get("funnelBehind"), ahead)).isEmpty();

        assertThat(HEADS.lastAuthorization()).as("as the configured user (profile local)").isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("auditor:auditor-dev".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @Order(2)
    void withoutMilestoneServiceNothingCanBeSaidAboutCompleteness() {
        HEADS.milestoneDown(true);
        try {
            for (String path : List.of("/api/audit/verification", "/api/audit/reconciliation")) {
                TextAnswer answer = post(path, "auditor");
                assertThat(answer.status()).as(path).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.retryAfter()).as(path).isNotBlank();
                assertThat(answer.json().get("type").asString()).isEqualTo("urn:groundbreak:problem:milestone-service-unavailable");
            }
        } finally {
            HEADS.milestoneDown(false);
        }
    }

    @Test
    @Order(3)
    void reprocessingTheProjectWhileItsEventIsMissingLeavesItParked() {
        TextAnswer answer = post("/api/admin/dead-letters/projects/" + subject(gapped) + "/reprocess", "admin");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("projectId").asString()).isEqualTo(subject(gapped).toString());
        assertThat(answer.json().get("reprocessed").asInt()).isZero();
        assertThat(answer.json().get("stillParked").asInt()).isEqualTo(2);
        assertThat(deadLettersOf(subject(gapped))).allSatisfy(letter -> {
            assertThat(letter.get("attempts").asInt()).isEqualTo(2);
            assertThat(letter.get("status").asString()).isEqualTo("parked");
        });
        assertThat(post("/api/admin/dead-letters/projects/not-a-uuid/reprocess", "admin").status()).isEqualTo(400);
        JsonNode operation = get("/api/admin/dead-letters/operations", "admin").json().get("operations").valueStream()
                .filter(item -> item.path("projectId").asString("").equals(subject(gapped).toString()))
                .findFirst().orElseThrow();
        assertThat(operation.get("action").asString()).isEqualTo("reprocess");
        assertThat(operation.get("deadLetterId").isNull()).isTrue();
        assertThat(operation.get("outcome").asString()).isEqualTo("reprocessed 0, still parked 2");
    }

    @Test
    @Order(4)
    void theMissingEventReleasesTheProjectsParkedEventsInOrder() {
        topic.send(gapped.get(1));
        awaitLedger(List.of(gapped));
        JsonNode history = get("/api/audit/projects/" + subject(gapped) + "/history", "auditor").json().get("events");
        for (int i = 0; i < gapped.size(); i++) {
            assertThat(history.get(i).get("id").asString()).isEqualTo(gapped.get(i).id().toString());
        }
        assertThat(deadLettersOf(subject(gapped))).allSatisfy(letter ->
                assertThat(letter.get("status").asString()).isEqualTo("reprocessed"));
        long id = deadLettersOf(subject(gapped)).get(0).get("id").asLong();
        TextAnswer again = post("/api/admin/dead-letters/" + id + "/reprocess", "admin");
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("reprocessed");
        assertProblemFor(postJson("/api/admin/dead-letters/" + id + "/discard", "admin", "{\"reason\":\"too late\"}"));

        JsonNode completeness = post("/api/audit/verification", "auditor").json().get("completeness");
        for (String list : List.of("ledgerBehind", "funnelBehind", "parked", "gaps")) {
            assertThat(of(completeness.get(list), gapped)).as(list).isEmpty();
        }
    }

    private static void assertProblemFor(TextAnswer answer) {
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static void history(List<EventEnvelope> events, String district, int count) {
        ProjectStream stream = new ProjectStream(district);
        events.add(stream.next(new ProjectRegistered(stream.projectId, "C-" + stream.projectId.toString().substring(0, 8),
                "Completeness", district, "new-energy", "Investor", new BigDecimal("100.00"), null)));
        for (int i = 1; i < count; i++) {
            events.add(stream.next(new MilestoneRecorded(stream.projectId, Stage.values()[i - 1],
                    LocalDate.parse("2024-01-10").plusDays(i), null, null)));
        }
    }

    private static UUID subject(List<EventEnvelope> events) {
        return events.get(0).subject().value();
    }

    private static List<JsonNode> of(JsonNode list, List<EventEnvelope> project) {
        return list.valueStream().filter(item -> item.path("projectId").asString("").equals(subject(project).toString()))
                .toList();
    }

    private static JsonNode only(JsonNode list, List<EventEnvelope> project) {
        List<JsonNode> items = of(list, project);
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
