package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.model.HistoryGenerator;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.testsupport.events.ProjectStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The rebuild folds the topic per project in memory and writes the rows with COPY: the rebuilt set must hold exactly
 * what the live consumer wrote, table by table (funnel_delta by its non-zero rows, applied_sequence without the apply
 * time), for random histories with corrections, retractions, suspensions, terminations, amendments, reports and change
 * requests, with duplicate decisions on pairs of them (a duplicate's funnel_delta is nothing, whichever came first), and
 * for what the live consumer refuses: a gap, a record ahead of its predecessor, a redelivery, a tampered hash, events
 * of a project never registered (one applied, one refused by the keys), a planned investment numeric(20, 2) cannot
 * hold. The tests' fold is small, so that projects are written early and their later events applied live.
 */
class RebuildFoldIT extends FunnelServiceTestBase {

    private static final List<String> TABLES = List.of(
            "project ORDER BY project_id", "milestone ORDER BY project_id, stage",
            "suspension ORDER BY project_id, sequence", "investment_report ORDER BY project_id, period",
            "target_change ORDER BY plan_id, sequence, cell", "duplicate_decision ORDER BY pair_id",
            "change_request ORDER BY request_id");

    @Autowired
    ReferenceData referenceData;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFoldedRebuildHoldsExactlyWhatTheLiveConsumerWrote() {
        Random random = new Random(18);
        List<String> districts = referenceData.districtCodes().stream()
                .filter(district -> !HAND_MADE_DISTRICTS.contains(district)).toList();
        HistoryGenerator histories = new HistoryGenerator(random, districts, referenceData.chainCodes());
        Map<UUID, Long> lastSequences = new LinkedHashMap<>();
        List<List<EventEnvelope>> projects = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<EventEnvelope> history = histories.project();
            projects.add(history);
            lastSequences.put(history.get(0).subject().value(), history.get(history.size() - 1).sequence());
        }
        // decisions on pairs of them (schema 1.3), some reversed, interleaved with the projects' events: some come before
        // a project's registration; a rebuild hands each to the live projection with its two projects
        List<UUID> ids = List.copyOf(lastSequences.keySet());
        for (List<EventEnvelope> pair : new DuplicateDecisions(random).decide(ids, 10)) {
            projects.add(new ArrayList<>(pair));
            lastSequences.put(pair.get(0).subject().value(), pair.get(pair.size() - 1).sequence());
        }
        // interleaved, each project's in order, one event delivered twice
        for (int step = 0; projects.stream().anyMatch(history -> !history.isEmpty()); step++) {
            for (List<EventEnvelope> history : projects) {
                if (!history.isEmpty()) {
                    EventEnvelope next = history.remove(0);
                    publish(next);
                    if (step == 1) {
                        topic().send(next);
                    }
                }
            }
        }
        String district = districts.get(0);
        ProjectStream gap = new ProjectStream(district);
        publish(gap.next(registered(gap.projectId, district, "aerospace", "120.00")),
                gap.next(milestone(gap.projectId, Stage.TALKS, "2020-03-01")));
        gap.next(milestone(gap.projectId, Stage.SIGNED, "2020-04-01"));
        topic().send(gap.next(milestone(gap.projectId, Stage.LANDED, "2020-05-01")));
        ProjectStream early = new ProjectStream(district);
        EventEnvelope earlyRegistration = early.next(registered(early.projectId, district, "aerospace", "80.00"));
        EventEnvelope earlyTalks = early.next(milestone(early.projectId, Stage.TALKS, "2020-03-02"));
        EventEnvelope earlySigned = early.next(milestone(early.projectId, Stage.SIGNED, "2020-03-03"));
        publish(earlyRegistration);
        topic().send(earlySigned);
        publish(earlyTalks);
        ProjectStream tampered = new ProjectStream(district);
        EventEnvelope tamperedRegistration = tampered.next(registered(tampered.projectId, district, "aerospace", "90.00"));
        EventEnvelope real = tampered.next(milestone(tampered.projectId, Stage.SIGNED, "2020-06-01"));
        publish(tamperedRegistration);
        topic().send(new EventEnvelope(real.id(), real.type(), real.subject(), real.sequence(), real.time(),
                real.recordedBy(), real.prevHash(), real.hash(), real.district(),
                milestone(tampered.projectId, Stage.PRODUCING, "2020-06-01")));
        publish(real);
        ProjectStream orphan = new ProjectStream(district);
        topic().send(orphan.next(milestone(orphan.projectId, Stage.TALKS, "2020-07-01")));
        ProjectStream terminatedOrphan = new ProjectStream(district);
        topic().send(terminatedOrphan.next(new ProjectTerminated(terminatedOrphan.projectId, LocalDate.parse("2020-08-01"), "gone")),
                terminatedOrphan.next(milestone(terminatedOrphan.projectId, Stage.TALKS, "2020-08-02")));
        ProjectStream tooLarge = new ProjectStream(district);
        topic().send(tooLarge.next(registered(tooLarge.projectId, district, "aerospace", "10000000000000000000.00")),
                tooLarge.next(milestone(tooLarge.projectId, Stage.TALKS, "2020-09-01")));
        lastSequences.put(gap.projectId.value(), 1L);
        lastSequences.put(early.projectId.value(), 1L);
        lastSequences.put(tampered.projectId.value(), 1L);
        lastSequences.put(terminatedOrphan.projectId.value(), 0L);

        String live = active();
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(lastApplied(live, lastSequences.keySet())).isEqualTo(lastSequences);
            assertThat(parked(gap.projectId.value(), early.projectId.value(), tampered.projectId.value(),
                    orphan.projectId.value(), terminatedOrphan.projectId.value(), tooLarge.projectId.value()))
                    .containsExactlyInAnyOrder("gap 3", "gap 2", "hash-mismatch 1", "failed 0", "failed 1", "failed 0",
                            "gap 1");
        });
        List<List<String>> incremental = tables(live);

        assertThat(post("/api/admin/rebuild", "admin", null).status()).isEqualTo(202);
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode status = get("/api/admin/rebuild", "admin");
            assertThat(status.get("running").asBoolean()).isFalse();
            assertThat(status.get("last").get("failure").isNull()).as(status.toString()).isTrue();
            assertThat(status.get("active").asString()).isNotEqualTo(live);
        });
        JsonNode report = get("/api/admin/rebuild", "admin").get("last");
        assertThat(report.get("applied").asLong()).as(report.toString())
                .isGreaterThanOrEqualTo(lastSequences.values().stream().mapToLong(last -> last + 1).sum());
        // the tests' fold holds 8 projects (FunnelServiceTestBase): events were folded, and the later events of the
        // projects written early went through the live projection
        assertThat(report.get("folded").asLong()).as(report.toString())
                .isPositive().isLessThan(report.get("applied").asLong());
        assertThat(report.get("failed").asLong()).as(report.toString()).isGreaterThanOrEqualTo(3);
        assertThat(report.get("gaps").asLong()).as(report.toString()).isGreaterThanOrEqualTo(3);
        assertThat(report.get("brokenLinks").asLong()).as(report.toString()).isGreaterThanOrEqualTo(1);
        assertThat(tables(active())).isEqualTo(incremental);
    }

    private String active() {
        return jdbc.sql("SELECT active FROM public.read_model").query(String.class).single();
    }

    private Map<UUID, Long> lastApplied(String schema, java.util.Collection<UUID> ids) {
        Map<UUID, Long> applied = new LinkedHashMap<>();
        for (UUID id : ids) {
            jdbc.sql("SELECT last_sequence FROM " + schema + ".applied_sequence WHERE project_id = :id").param("id", id)
                    .query(Long.class).optional().ifPresent(last -> applied.put(id, last));
        }
        return applied;
    }

    private List<String> parked(UUID... projects) {
        return jdbc.sql("SELECT reason || ' ' || sequence FROM public.dead_letter WHERE project_id = ANY(:ids) "
                        + "AND (reason <> 'failed' OR attempts >= 3)")
                .param("ids", new org.springframework.jdbc.support.SqlArrayValue("uuid", (Object[]) projects))
                .query(String.class).list();
    }

    /** Every table of the set as text rows, in key order. */
    private List<List<String>> tables(String schema) {
        List<List<String>> tables = new ArrayList<>();
        tables.add(jdbc.sql("SELECT (project_id, last_sequence, last_hash, last_recorded_at)::text FROM " + schema
                + ".applied_sequence ORDER BY project_id").query(String.class).list());
        for (String table : TABLES) {
            tables.add(jdbc.sql("SELECT t::text FROM " + schema + "." + table.replace(" ORDER", " t ORDER"))
                    .query(String.class).list());
        }
        tables.add(jdbc.sql("SELECT t::text FROM " + schema + ".funnel_delta t WHERE projects <> 0 OR investment_cny <> 0 "
                + "ORDER BY scope_district, scope_chain, grain, on_date, stage, terminated").query(String.class).list());
        return tables;
    }
}
