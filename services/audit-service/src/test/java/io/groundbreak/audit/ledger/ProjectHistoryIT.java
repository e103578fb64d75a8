package io.groundbreak.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 (schema 1.3) in a project's audit history: the change requests are the project's own events, each with who
 * asked, approved, rejected or withdrew; the duplicate decisions naming the project are beside them, from the pair's
 * stream, each with its decision, primary, reason, author and time, and an event an auditor can check.
 */
class ProjectHistoryIT extends AuditIT {

    /** A district no other test of the module uses. */
    private static final String DISTRICT = "120108";

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
    private final List<EventEnvelope> project = new ArrayList<>();
    private final List<EventEnvelope> other = new ArrayList<>();
    private final List<EventEnvelope> pair = new ArrayList<>();
    private ProjectId id;
    private ProjectId otherId;

    @BeforeAll
    void publish() {
        id = ProjectId.random();
        otherId = ProjectId.random();
        add(project, "d" + DISTRICT, DISTRICT, new ProjectRegistered(id, "XQ-2026-001", "Cold chain hub", DISTRICT,
                "other", "Investor", new BigDecimal("900000000.00"), null));
        add(project, "d" + DISTRICT, DISTRICT, new MilestoneRecorded(id, Stage.TALKS, LocalDate.parse("2026-01-10"), null, null));
        ChangeRequestId approved = ChangeRequestId.random();
        MilestoneCorrected correction = new MilestoneCorrected(id, Stage.TALKS, LocalDate.parse("2025-10-01"), null,
                "the talks began in October");
        add(project, "d" + DISTRICT, DISTRICT, ChangeRequested.of(approved, correction));
        add(project, "r" + DISTRICT, DISTRICT, new ChangeApproved(id, approved, "minutes seen"));
        add(project, "r" + DISTRICT, DISTRICT, correction);
        ChangeRequestId rejected = ChangeRequestId.random();
        add(project, "d" + DISTRICT, DISTRICT, ChangeRequested.of(rejected, new MilestoneRetracted(id, Stage.TALKS, "never")));
        add(project, "r" + DISTRICT, DISTRICT, new ChangeRejected(id, rejected, "the minutes say otherwise"));
        ChangeRequestId withdrawn = ChangeRequestId.random();
        add(project, "d" + DISTRICT, DISTRICT, ChangeRequested.of(withdrawn,
                new ProjectTerminated(id, LocalDate.parse("2026-03-01"), "investor left")));
        add(project, "d" + DISTRICT, DISTRICT, new ChangeWithdrawn(id, withdrawn, null));
        add(project, "d" + DISTRICT, DISTRICT, ChangeRequested.of(ChangeRequestId.random(),
                new ProjectDetailsAmended(id, null, null, null, new BigDecimal("100000000.00"), null, "re-budgeted")));
        add(other, "d120101", "120101", new ProjectRegistered(otherId, "HP-2026-007", "Cold chain hub", "120101", "other",
                "Investor", new BigDecimal("900000000.00"), null));
        ProjectId pairId = DuplicateDecided.pairOf(id, otherId);
        ProjectId first = DuplicateDecided.first(id, otherId);
        ProjectId second = first.equals(id) ? otherId : id;
        add(pair, "admin", EventEnvelope.CITY, new DuplicateDecided(pairId, first, second, true, otherId, "one hub"));
        add(pair, "admin", EventEnvelope.CITY, new DuplicateDecided(pairId, first, second, false, null, "two hubs"));
        topic.send(project.toArray(EventEnvelope[]::new));
        topic.send(other.toArray(EventEnvelope[]::new));
        topic.send(pair.toArray(EventEnvelope[]::new));
        awaitLedger(List.of(project, other, pair));
    }

    @Test
    void theChangeRequestsAreTheProjectsEventsWithWhoDidWhat() {
        JsonNode events = history(id).get("events");

        assertThat(events).extracting(event -> event.get("type").asString() + " " + event.get("recordedBy").asString())
                .containsExactly("ProjectRegistered d120108", "MilestoneRecorded d120108",
                        "ChangeRequested d120108", "ChangeApproved r120108", "MilestoneCorrected r120108",
                        "ChangeRequested d120108", "ChangeRejected r120108",
                        "ChangeRequested d120108", "ChangeWithdrawn d120108",
                        "ChangeRequested d120108");
        assertThat(events.get(2).get("data").get("correction").get("effectiveDate").asString()).isEqualTo("2025-10-01");
        assertThat(events.get(3).get("data").get("requestId")).isEqualTo(events.get(2).get("data").get("requestId"));
        assertThat(events.get(6).get("data").get("reason").asString()).isEqualTo("the minutes say otherwise");
        assertThat(events.get(9).get("data").get("amendment").get("plannedInvestmentCny").asString())
                .isEqualTo("100000000.00");
        assertThat(events).allSatisfy(event ->
                assertThat(HashChain.hashOfJson(event)).isEqualTo(event.get("hash").asString()));
    }

    @Test
    void everyDecisionNamingTheProjectIsBesideItsEvents() {
        for (ProjectId named : List.of(id, otherId)) {
            JsonNode decisions = history(named).get("duplicateDecisions");

            assertThat(decisions).as("%s", named).hasSize(2);
            JsonNode same = decisions.get(0);
            assertThat(same.get("stream").asString()).isEqualTo("pair");
            assertThat(same.get("pairId").asString()).isEqualTo(DuplicateDecided.pairOf(id, otherId).toString());
            assertThat(same.get("sequence").asLong()).isZero();
            assertThat(same.get("decision").asString()).isEqualTo("same");
            assertThat(same.get("primaryProjectId").asString()).isEqualTo(otherId.toString());
            assertThat(same.get("reason").asString()).isEqualTo("one hub");
            assertThat(same.get("recordedBy").asString()).isEqualTo("admin");
            assertThat(same.get("time").asString()).isEqualTo(pair.get(0).time().toString());
            JsonNode reversal = decisions.get(1);
            assertThat(reversal.get("decision").asString()).isEqualTo("different");
            assertThat(reversal.get("primaryProjectId").isNull()).isTrue();
            assertThat(reversal.get("reason").asString()).isEqualTo("two hubs");
            assertThat(reversal.get("time").asString()).isEqualTo(pair.get(1).time().toString());
            for (JsonNode decision : decisions) {
                JsonNode event = decision.get("event");
                assertThat(event.get("subject").asString()).isEqualTo(decision.get("pairId").asString());
                assertThat(event.get("district").asString()).isEqualTo(EventEnvelope.CITY);
                assertThat(HashChain.hashOfJson(event)).isEqualTo(event.get("hash").asString());
            }
        }
        assertThat(history(id).get("events")).noneMatch(event -> event.get("type").asString().equals("DuplicateDecided"));
    }

    private JsonNode history(ProjectId project) {
        TextAnswer answer = get("/api/audit/projects/" + project + "/history", "auditor");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private void add(List<EventEnvelope> stream, String recordedBy, String district, ProjectEvent body) {
        stream.add(HashChain.seal(UUID.randomUUID(), stream.size(), start.plusSeconds(project.size() + pair.size()
                        + other.size()), recordedBy,
                stream.isEmpty() ? HashChain.GENESIS_PREV_HASH : stream.get(stream.size() - 1).hash(), district, body));
    }
}
