package io.groundbreak.funnel.projection;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.Stage;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Reads the rows of a batch's projects in three statements and writes back what changed in a few more,
 * each covering every project of the batch (arrays through {@code unnest}), in the current transaction's
 * read-model schema. A batch of a thousand events costs about as many round trips as one event did.
 */
@Component
class ReadModelRows {

    private final JdbcClient jdbc;
    private final FunnelDeltas deltas;
    private final TargetChangeRows targetChanges;
    private final DecisionRows decisions;
    private final RequestRows requests;

    ReadModelRows(JdbcClient jdbc, FunnelDeltas deltas, TargetChangeRows targetChanges, DecisionRows decisions,
                  RequestRows requests) {
        this.targetChanges = targetChanges;
        this.decisions = decisions;
        this.requests = requests;
        this.jdbc = jdbc;
        this.deltas = deltas;
    }

    /**
     * The projects' rows as stored. Their {@code applied_sequence} rows are locked, in project order, so that a
     * second consumer of the same records (during a rebalance) waits for this transaction.
     */
    Map<UUID, ProjectRows> load(Collection<UUID> projectIds) {
        SqlArrayValue ids = new SqlArrayValue("uuid", projectIds.toArray());
        Map<UUID, Long> applied = new HashMap<>();
        Map<UUID, String> hashes = new HashMap<>();
        jdbc.sql("SELECT project_id, last_sequence, last_hash FROM applied_sequence WHERE project_id = ANY(:ids) "
                        + "ORDER BY project_id FOR UPDATE")
                .param("ids", ids)
                .query(row -> {
                    UUID id = row.getObject("project_id", UUID.class);
                    applied.put(id, row.getLong("last_sequence"));
                    hashes.put(id, row.getString("last_hash"));
                });
        Map<UUID, ProjectRow> projects = new HashMap<>();
        jdbc.sql("SELECT project_id, code, name, district, chain, investor, park, planned_investment_cny, terminated_on, "
                        + "planned_signed, planned_landed, planned_started, planned_producing, responsible_person, "
                        + "responsible_leader, source FROM project WHERE project_id = ANY(:ids)")
                .param("ids", ids)
                .query(row -> {
                    projects.put(row.getObject("project_id", UUID.class), new ProjectRow(row.getString("code"),
                            row.getString("name"), row.getString("district"), row.getString("chain"),
                            row.getString("investor"), row.getString("park"), row.getBigDecimal("planned_investment_cny"),
                            row.getObject("terminated_on", LocalDate.class),
                            new PlannedDates(row.getObject("planned_signed", LocalDate.class),
                                    row.getObject("planned_landed", LocalDate.class),
                                    row.getObject("planned_started", LocalDate.class),
                                    row.getObject("planned_producing", LocalDate.class)),
                            row.getString("responsible_person"), row.getString("responsible_leader"),
                            row.getString("source")));
                });
        Map<UUID, Map<Stage, StageRow>> stages = new HashMap<>();
        jdbc.sql("SELECT project_id, stage, effective_date, amount_cny FROM milestone WHERE project_id = ANY(:ids)")
                .param("ids", ids)
                .query(row -> {
                    stages.computeIfAbsent(row.getObject("project_id", UUID.class), id -> new EnumMap<>(Stage.class))
                            .put(Stage.values()[row.getInt("stage")], new StageRow(
                                    row.getObject("effective_date", LocalDate.class), row.getBigDecimal("amount_cny")));
                });
        Map<UUID, Set<UUID>> duplicateIn = new HashMap<>();
        jdbc.sql("SELECT duplicate_id, pair_id FROM duplicate_decision WHERE duplicate_id = ANY(:ids)")
                .param("ids", ids)
                .query(row -> {
                    duplicateIn.computeIfAbsent(row.getObject("duplicate_id", UUID.class), id -> new HashSet<>())
                            .add(row.getObject("pair_id", UUID.class));
                });
        Map<UUID, ProjectRows> rows = new LinkedHashMap<>();
        for (UUID id : projectIds) {
            rows.put(id, new ProjectRows(id, applied.getOrDefault(id, ProjectRows.NOTHING_APPLIED), hashes.get(id), projects.get(id),
                    stages.getOrDefault(id, Map.of()), duplicateIn.getOrDefault(id, Set.of())));
        }
        return rows;
    }

    /**
     * Writes what the batch changed; projects in id order, so that two writers lock shared rows alike.
     * funnel_delta's changes go to {@code deferred} if given, else to the table.
     */
    void write(Collection<ProjectRows> batch, DeferredFunnelDeltas deferred) {
        List<ProjectRows> changed = batch.stream()
                .filter(ProjectRows::changed)
                .sorted(Comparator.comparing(rows -> rows.projectId))
                .toList();
        if (changed.isEmpty()) {
            return;
        }
        writeProjects(changed);
        writeStages(changed);
        writeSuspensions(changed);
        writeReports(changed);
        targetChanges.write(changed);
        decisions.write(changed);
        requests.write(changed);
        Map<FunnelPosition, Change> funnel = new HashMap<>();
        for (ProjectRows rows : changed) {
            rows.funnelDifference().forEach((position, change) -> funnel.merge(position, change, Change::plus));
        }
        if (deferred != null) {
            deferred.add(funnel);
        } else {
            deltas.add(funnel);
        }
        Columns applied = new Columns();
        // a project only a pair's decision touched has no event of its own to record
        for (ProjectRows rows : changed.stream().filter(rows -> rows.lastApplied != rows.lastAppliedBefore).toList()) {
            applied.add("ids", rows.projectId).add("sequences", rows.lastApplied).add("hashes", rows.lastHash)
                    .add("recorded", Timestamp.from(rows.lastRecordedAt));
        }
        // last_applied_at is the database's clock, one for every instance (the views' freshness, README)
        jdbc.sql("""
                        INSERT INTO applied_sequence (project_id, last_sequence, last_hash, last_recorded_at, last_applied_at)
                        SELECT *, now() FROM unnest(:ids::uuid[], :sequences::bigint[], :hashes::text[],
                                                    :recorded::timestamptz[])
                        ON CONFLICT (project_id) DO UPDATE
                        SET last_sequence = EXCLUDED.last_sequence, last_hash = EXCLUDED.last_hash,
                            last_recorded_at = EXCLUDED.last_recorded_at, last_applied_at = EXCLUDED.last_applied_at""")
                .param("ids", applied.array("ids", "uuid"))
                .param("sequences", applied.array("sequences", "int8"))
                .param("hashes", applied.array("hashes", "text"))
                .param("recorded", applied.array("recorded", "timestamptz"))
                .update();
    }

    private void writeProjects(List<ProjectRows> batch) {
        Columns columns = new Columns();
        for (ProjectRows rows : batch) {
            if (rows.projectChanged()) {
                ProjectRow project = rows.project;
                columns.add("ids", rows.projectId).add("codes", project.code()).add("names", project.name())
                        .add("districts", project.district()).add("chains", project.chain())
                        .add("investors", project.investor()).add("parks", project.park())
                        .add("planned", project.plannedInvestmentCny()).add("terminated", date(project.terminatedOn()))
                        .add("plannedSigned", date(project.plannedDates().signed()))
                        .add("plannedLanded", date(project.plannedDates().landed()))
                        .add("plannedStarted", date(project.plannedDates().started()))
                        .add("plannedProducing", date(project.plannedDates().producing()))
                        .add("persons", project.responsiblePerson()).add("leaders", project.responsibleLeader())
                        .add("sources", project.source());
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO project AS p (project_id, code, name, district, chain, investor, park,
                                                  planned_investment_cny, terminated_on, planned_signed, planned_landed,
                                                  planned_started, planned_producing, responsible_person,
                                                  responsible_leader, source)
                        SELECT * FROM unnest(:ids::uuid[], :codes::text[], :names::text[], :districts::text[],
                                             :chains::text[], :investors::text[], :parks::text[], :planned::numeric[],
                                             :terminated::date[], :plannedSigned::date[], :plannedLanded::date[],
                                             :plannedStarted::date[], :plannedProducing::date[], :persons::text[],
                                             :leaders::text[], :sources::text[])
                        ON CONFLICT (project_id) DO UPDATE
                        SET code = EXCLUDED.code, name = EXCLUDED.name, district = EXCLUDED.district,
                            chain = EXCLUDED.chain, investor = EXCLUDED.investor, park = EXCLUDED.park,
                            planned_investment_cny = EXCLUDED.planned_investment_cny,
                            terminated_on = EXCLUDED.terminated_on, planned_signed = EXCLUDED.planned_signed,
                            planned_landed = EXCLUDED.planned_landed, planned_started = EXCLUDED.planned_started,
                            planned_producing = EXCLUDED.planned_producing,
                            responsible_person = EXCLUDED.responsible_person,
                            responsible_leader = EXCLUDED.responsible_leader, source = EXCLUDED.source""")
                .param("ids", columns.array("ids", "uuid"))
                .param("codes", columns.array("codes", "text"))
                .param("names", columns.array("names", "text"))
                .param("districts", columns.array("districts", "text"))
                .param("chains", columns.array("chains", "text"))
                .param("investors", columns.array("investors", "text"))
                .param("parks", columns.array("parks", "text"))
                .param("planned", columns.array("planned", "numeric"))
                .param("terminated", columns.array("terminated", "date"))
                .param("plannedSigned", columns.array("plannedSigned", "date"))
                .param("plannedLanded", columns.array("plannedLanded", "date"))
                .param("plannedStarted", columns.array("plannedStarted", "date"))
                .param("plannedProducing", columns.array("plannedProducing", "date"))
                .param("persons", columns.array("persons", "text"))
                .param("leaders", columns.array("leaders", "text"))
                .param("sources", columns.array("sources", "text"))
                .update();
    }

    /** Stages that went away are deleted, stages that are new or changed are upserted; the rest is left alone. */
    private void writeStages(List<ProjectRows> batch) {
        Columns removed = new Columns();
        Columns upserted = new Columns();
        for (ProjectRows rows : batch) {
            for (Stage stage : Stage.values()) {
                StageRow before = rows.stagesBefore.get(stage);
                StageRow after = rows.stages.get(stage);
                if (before != null && after == null) {
                    removed.add("ids", rows.projectId).add("stages", stage.ordinal());
                } else if (after != null && !Objects.equals(before, after)) {
                    upserted.add("ids", rows.projectId).add("stages", stage.ordinal())
                            .add("dates", date(after.effectiveDate())).add("amounts", after.amountCny());
                }
            }
        }
        if (!removed.isEmpty()) {
            jdbc.sql("""
                            DELETE FROM milestone m USING unnest(:ids::uuid[], :stages::smallint[]) AS gone (project_id, stage)
                            WHERE m.project_id = gone.project_id AND m.stage = gone.stage""")
                    .param("ids", removed.array("ids", "uuid"))
                    .param("stages", removed.array("stages", "int4"))
                    .update();
        }
        if (!upserted.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO milestone (project_id, stage, effective_date, amount_cny)
                            SELECT * FROM unnest(:ids::uuid[], :stages::smallint[], :dates::date[], :amounts::numeric[])
                            ON CONFLICT (project_id, stage) DO UPDATE
                            SET effective_date = EXCLUDED.effective_date, amount_cny = EXCLUDED.amount_cny""")
                    .param("ids", upserted.array("ids", "uuid"))
                    .param("stages", upserted.array("stages", "int4"))
                    .param("dates", upserted.array("dates", "date"))
                    .param("amounts", upserted.array("amounts", "numeric"))
                    .update();
        }
    }

    /** Stored open suspensions are closed first, then the batch's own are inserted (already closed where resumed). */
    private void writeSuspensions(List<ProjectRows> batch) {
        Columns resumed = new Columns();
        Columns inserted = new Columns();
        for (ProjectRows rows : batch) {
            if (rows.storedSuspensionsResumedOn != null) {
                resumed.add("ids", rows.projectId).add("dates", date(rows.storedSuspensionsResumedOn));
            }
            for (SuspensionRow suspension : rows.newSuspensions) {
                inserted.add("ids", rows.projectId).add("sequences", suspension.sequence())
                        .add("suspended", date(suspension.suspendedOn())).add("resumed", date(suspension.resumedOn()));
            }
        }
        if (!resumed.isEmpty()) {
            jdbc.sql("""
                            UPDATE suspension s SET resumed_on = r.resumed_on
                            FROM unnest(:ids::uuid[], :dates::date[]) AS r (project_id, resumed_on)
                            WHERE s.project_id = r.project_id AND s.resumed_on IS NULL""")
                    .param("ids", resumed.array("ids", "uuid"))
                    .param("dates", resumed.array("dates", "date"))
                    .update();
        }
        if (!inserted.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO suspension (project_id, sequence, suspended_on, resumed_on)
                            SELECT * FROM unnest(:ids::uuid[], :sequences::bigint[], :suspended::date[], :resumed::date[])""")
                    .param("ids", inserted.array("ids", "uuid"))
                    .param("sequences", inserted.array("sequences", "int8"))
                    .param("suspended", inserted.array("suspended", "date"))
                    .param("resumed", inserted.array("resumed", "date"))
                    .update();
        }
    }

    private void writeReports(List<ProjectRows> batch) {
        Columns reports = new Columns();
        for (ProjectRows rows : batch) {
            rows.reports.forEach((period, completed) ->
                    reports.add("ids", rows.projectId).add("periods", period).add("completed", completed));
        }
        if (reports.isEmpty()) {
            return;
        }
        // a later report for the same month replaces the earlier one
        jdbc.sql("""
                        INSERT INTO investment_report (project_id, period, cumulative_completed_cny)
                        SELECT * FROM unnest(:ids::uuid[], :periods::char(7)[], :completed::numeric[])
                        ON CONFLICT (project_id, period) DO UPDATE
                        SET cumulative_completed_cny = EXCLUDED.cumulative_completed_cny""")
                .param("ids", reports.array("ids", "uuid"))
                .param("periods", reports.array("periods", "text"))
                .param("completed", reports.array("completed", "numeric"))
                .update();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** Parallel columns of values, one array per column for {@code unnest}. */
    private static final class Columns {
        private final Map<String, List<Object>> values = new LinkedHashMap<>();

        Columns add(String column, Object value) {
            values.computeIfAbsent(column, name -> new ArrayList<>()).add(value);
            return this;
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        SqlArrayValue array(String column, String sqlType) {
            return new SqlArrayValue(sqlType, values.getOrDefault(column, List.of()).toArray());
        }
    }
}
