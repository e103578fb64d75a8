package io.groundbreak.audit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.events.TargetCell;
import io.groundbreak.events.TargetsSet;
import io.groundbreak.testsupport.events.ProjectStream;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tampering with stored events the way only someone with the database's owner rights could (the guard
 * trigger switched off, the service's role bypassed) is found by verification, which recomputes every
 * hash and link from the rows. Each test puts the rows back as they were before it ends.
 */
class VerificationIT extends AuditIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProjectId tampered;
    private ProjectId untouched;
    private final List<EventEnvelope> events = new ArrayList<>();
    /** A year far from every other test's: its plan stream is this class's own. */
    private static final ProjectId PLAN = TargetsSet.planOf(2091);
    private final List<EventEnvelope> plan = new ArrayList<>();
    /** Schema 1.3: the two projects' pair, decided the same, then reversed. */
    private ProjectId pair;
    private final List<EventEnvelope> decisions = new ArrayList<>();

    @BeforeAll
    void publish() {
        ProjectStream project = new ProjectStream("120104");
        tampered = project.projectId;
        events.add(project.next(new ProjectRegistered(tampered, "NK-2024-009", "Chip packaging", "120104",
                "integrated-circuits", "Investor Ltd.", new BigDecimal("800000000.00"), null)));
        events.add(project.next(milestone(tampered, Stage.TALKS, "2024-01-10", null)));
        events.add(project.next(milestone(tampered, Stage.SIGNED, "2024-03-01", "700000000.00")));
        events.add(project.next(milestone(tampered, Stage.LANDED, "2024-05-20", null)));
        ProjectStream other = new ProjectStream("120104");
        untouched = other.projectId;
        EventEnvelope otherRegistration = other.next(new ProjectRegistered(untouched, "NK-2024-010", "Wafer fab", "120104",
                "integrated-circuits", "Investor Ltd.", new BigDecimal("900000000.00"), null));
        EventEnvelope firstTargets = HashChain.seal(UUID.randomUUID(), 0, Instant.parse("2025-01-15T02:00:00.250Z"), "admin",
                HashChain.GENESIS_PREV_HASH, EventEnvelope.CITY, new TargetsSet(PLAN, 2091, List.of(new TargetCell("120104",
                        "integrated-circuits", 2, 1, null, null, new BigDecimal("1700000000.00"), null)), "年度计划分解"));
        plan.add(firstTargets);
        plan.add(HashChain.seal(UUID.randomUUID(), 1, Instant.parse("2025-07-01T08:15:30Z"), "admin", firstTargets.hash(),
                EventEnvelope.CITY, new TargetsSet(PLAN, 2091, List.of(new TargetCell("120104", "integrated-circuits", 3, 1,
                        null, null, null, null)), "年中调整")));
        pair = DuplicateDecided.pairOf(tampered, untouched);
        ProjectId first = DuplicateDecided.first(tampered, untouched);
        ProjectId second = first.equals(tampered) ? untouched : tampered;
        EventEnvelope same = HashChain.seal(UUID.randomUUID(), 0, Instant.parse("2025-02-01T01:00:00Z"), "admin",
                HashChain.GENESIS_PREV_HASH, EventEnvelope.CITY,
                new DuplicateDecided(pair, first, second, true, untouched, "same plot, same investor"));
        decisions.add(same);
        decisions.add(HashChain.seal(UUID.randomUUID(), 1, Instant.parse("2025-02-03T01:00:00Z"), "admin", same.hash(),
                EventEnvelope.CITY, new DuplicateDecided(pair, first, second, false, null, "two phases, two contracts")));
        topic.send(events.toArray(EventEnvelope[]::new));
        topic.send(otherRegistration);
        topic.send(plan.toArray(EventEnvelope[]::new));
        topic.send(decisions.toArray(EventEnvelope[]::new));
        awaitLedger(List.of(events, List.of(otherRegistration), plan, decisions));
    }

    /** Issue 19's targets: a year's plan stream is kept, chained and verified like a project's, its history readable. */
    @Test
    void aYearsPlanStreamIsKeptAndVerifiedLikeAProject() {
        assertThat(problemsOf(verification(), PLAN)).isEmpty();
        JsonNode history = http.get("/api/audit/projects/" + PLAN + "/history", "auditor").body();
        assertThat(history.get("events")).extracting(event -> event.get("type").asString())
                .containsExactly("TargetsSet", "TargetsSet");
        assertThat(history.get("events").get(1).get("recordedBy").asString()).isEqualTo("admin");
        assertThat(http.get("/api/audit/projects/" + PLAN + "/history", "d120104").status())
                .as("a district office reads its own district's projects only").isIn(403, 404);
    }

    /** Issue 20: a pair's stream of duplicate decisions is kept, chained and verified like a project's. */
    @Test
    void aPairsStreamIsKeptAndVerifiedLikeAProject() throws SQLException {
        assertThat(problemsOf(verification(), pair)).isEmpty();
        JsonNode history = http.get("/api/audit/projects/" + pair + "/history", "auditor").body();
        assertThat(history.get("events")).extracting(event -> event.get("type").asString())
                .containsExactly("DuplicateDecided", "DuplicateDecided");
        assertThat(history.get("events")).allSatisfy(event -> {
            assertThat(event.get("district").asString()).isEqualTo(EventEnvelope.CITY);
            assertThat(HashChain.hashOfJson(event)).isEqualTo(event.get("hash").asString());
        });

        try (Connection owner = superuser(); Statement statement = owner.createStatement()) {
            tamper(statement, "UPDATE ledger_event SET data = jsonb_set(data, '{same}', 'true')"
                            + " || jsonb_build_object('primaryProjectId', '" + untouched + "')"
                            + " WHERE project_id = '" + pair + "' AND sequence = 1",
                    "UPDATE ledger_event SET data = jsonb_set(data, '{same}', 'false') - 'primaryProjectId'"
                            + " WHERE project_id = '" + pair + "' AND sequence = 1",
                    () -> assertThat(problemsOf(verification(), pair)).containsExactly("1 hash-mismatch"));
            EventEnvelope original = decisions.get(0);
            DuplicateDecided decided = (DuplicateDecided) original.data();
            EventEnvelope resealed = HashChain.seal(original.id(), 0, original.time(), original.recordedBy(),
                    original.prevHash(), original.district(), new DuplicateDecided(pair, decided.firstProjectId(),
                            decided.secondProjectId(), true, tampered, decided.reason()));
            tamper(statement, "UPDATE ledger_event SET data = jsonb_set(data, '{primaryProjectId}', '\"" + tampered
                            + "\"'), hash = '" + resealed.hash() + "' WHERE project_id = '" + pair + "' AND sequence = 0",
                    "UPDATE ledger_event SET data = jsonb_set(data, '{primaryProjectId}', '\"" + untouched
                            + "\"'), hash = '" + original.hash() + "' WHERE project_id = '" + pair + "' AND sequence = 0",
                    () -> assertThat(problemsOf(verification(), pair)).containsExactly("1 prev-hash-mismatch"));
        }
        assertThat(problemsOf(verification(), pair)).as("after the undo").isEmpty();
    }

    @Test
    void anUntamperedLedgerHasNoProblemForTheProjects() {
        JsonNode report = verification();
        assertThat(problemsOf(report, tampered)).isEmpty();
        assertThat(problemsOf(report, untouched)).isEmpty();
        assertThat(report.get("projectsChecked").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(5);
    }

    /** The completeness check runs beside the walk; the time of each is kept apart, for the bench and operators. */
    @Test
    void theTimeOfEachPartIsKept(@Autowired MeterRegistry meters) {
        long completenessBefore = verifications(meters, "completeness");
        long walksBefore = verifications(meters, "chain-walk");

        assertThat(verification().has("completeness")).isTrue();

        assertThat(verifications(meters, "completeness")).isEqualTo(completenessBefore + 1);
        assertThat(verifications(meters, "chain-walk")).isEqualTo(walksBefore + 1);
    }

    private static long verifications(MeterRegistry meters, String part) {
        Timer timer = meters.find("groundbreak.verification.duration").tag("part", part).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aChangedBodyIsFound() throws SQLException {
        tamper("UPDATE ledger_event SET data = jsonb_set(data, '{amountCny}', '\"7000000000.00\"')"
                        + " WHERE project_id = '" + tampered + "' AND sequence = 2",
                "UPDATE ledger_event SET data = jsonb_set(data, '{amountCny}', '\"700000000.00\"')"
                        + " WHERE project_id = '" + tampered + "' AND sequence = 2",
                () -> assertThat(problemsOf(verification(), tampered)).containsExactly("2 hash-mismatch"));
    }

    /** A body field our types do not know still counts: in verification, and in what the auditor reads and checks. */
    @Test
    void anAddedBodyFieldIsFoundAndShowsInHistoryAndExport() throws SQLException {
        tamper("UPDATE ledger_event SET data = data || '{\"approvedBy\":\"nobody\"}'"
                        + " WHERE project_id = '" + tampered + "' AND sequence = 3",
                "UPDATE ledger_event SET data = data - 'approvedBy' WHERE project_id = '" + tampered + "' AND sequence = 3",
                () -> {
                    assertThat(problemsOf(verification(), tampered)).containsExactly("3 hash-mismatch");
                    JsonNode line = JSON.readTree(get("/api/audit/export?project=" + tampered, "auditor").body().lines()
                            .toList().get(3));
                    JsonNode inHistory = JSON.readTree(get("/api/audit/projects/" + tampered + "/history", "auditor").body())
                            .get("events").get(3);
                    for (JsonNode event : List.of(line, inHistory)) {
                        assertThat(event.get("data").get("approvedBy").asString()).isEqualTo("nobody");
                        assertThat(HashChain.hashOfJson(event)).isNotEqualTo(event.get("hash").asString());
                    }
                });
    }

    @Test
    void aChangedAuthorOrTimeIsFound() throws SQLException {
        tamper("UPDATE ledger_event SET recorded_by = 'd120101', recorded_at = recorded_at + interval '1 millisecond'"
                        + " WHERE project_id = '" + tampered + "' AND sequence = 1",
                "UPDATE ledger_event SET recorded_by = 'd120104', recorded_at = recorded_at - interval '1 millisecond'"
                        + " WHERE project_id = '" + tampered + "' AND sequence = 1",
                () -> assertThat(problemsOf(verification(), tampered)).containsExactly("1 hash-mismatch"));
    }

    /** Whoever rewrites an event and seals it again breaks the link of the project's next event. */
    @Test
    void aResealedEventBreaksTheNextLink() throws SQLException {
        EventEnvelope original = events.get(1);
        EventEnvelope resealed = HashChain.seal(original.id(), 1, original.time(), original.recordedBy(),
                original.prevHash(), original.district(), milestone(tampered, Stage.TALKS, "2023-12-01", null));
        tamper("UPDATE ledger_event SET data = jsonb_set(data, '{effectiveDate}', '\"2023-12-01\"'), hash = '"
                        + resealed.hash() + "' WHERE project_id = '" + tampered + "' AND sequence = 1",
                "UPDATE ledger_event SET data = jsonb_set(data, '{effectiveDate}', '\"2024-01-10\"'), hash = '"
                        + original.hash() + "' WHERE project_id = '" + tampered + "' AND sequence = 1",
                () -> assertThat(problemsOf(verification(), tampered)).containsExactly("2 prev-hash-mismatch"));
    }

    @Test
    void aRemovedEventIsFound() throws SQLException {
        try (Connection owner = superuser(); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE removed AS SELECT * FROM ledger_event"
                    + " WHERE project_id = '" + tampered + "' AND sequence = 1");
            tamper(statement, "DELETE FROM ledger_event WHERE project_id = '" + tampered + "' AND sequence = 1",
                    "INSERT INTO ledger_event OVERRIDING SYSTEM VALUE SELECT * FROM removed",
                    () -> assertThat(problemsOf(verification(), tampered))
                            .containsExactlyInAnyOrder("2 sequence-gap", "2 prev-hash-mismatch"));
        }
        assertThat(problemsOf(verification(), tampered)).isEmpty();
    }

    private void tamper(String change, String undo, Runnable check) throws SQLException {
        try (Connection owner = superuser(); Statement statement = owner.createStatement()) {
            tamper(statement, change, undo, check);
        }
        assertThat(problemsOf(verification(), tampered)).as("after the undo").isEmpty();
    }

    private static void tamper(Statement statement, String change, String undo, Runnable check) throws SQLException {
        statement.execute("ALTER TABLE ledger_event DISABLE TRIGGER ledger_event_append_only");
        try {
            statement.execute(change);
            check.run();
        } finally {
            statement.execute(undo);
            statement.execute("ALTER TABLE ledger_event ENABLE TRIGGER ledger_event_append_only");
        }
    }

    private JsonNode verification() {
        TextAnswer answer = post("/api/audit/verification", "auditor");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** "sequence problem-code" for each problem of the project. */
    private static List<String> problemsOf(JsonNode report, ProjectId project) {
        List<String> problems = new ArrayList<>();
        report.get("problems").forEach(problem -> {
            if (problem.get("projectId").asString().equals(project.toString())) {
                problems.add(problem.get("sequence").asLong() + " " + problem.get("problem").asString().replaceAll(":.*", ""));
            }
        });
        if (!problems.isEmpty()) {
            assertThat(report.get("ok").asBoolean()).isFalse();
        }
        return problems;
    }

    private static MilestoneRecorded milestone(ProjectId project, Stage stage, String date, String amount) {
        return new MilestoneRecorded(project, stage, LocalDate.parse(date), amount == null ? null : new BigDecimal(amount), null);
    }
}
