package io.groundbreak.funnel.query;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.Stage;
import io.groundbreak.funnel.readmodel.ReadModels;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Projects as listed and as shown one by one, on a valid date. */
@Component
public class ProjectReader {

    /** Every project of the filter with its stage, since when, and status on :asOf. */
    private static final String LISTED = """
            WITH listed AS (
                SELECT p.project_id, p.code, p.name, p.district, p.chain, p.planned_investment_cny, p.investor, p.park,
                       p.terminated_on, s.stage, s.effective_date AS stage_since, p.planned_signed, p.planned_landed,
                       p.planned_started, p.planned_producing, p.responsible_person, p.responsible_leader, p.source,
                       CASE WHEN p.terminated_on <= :asOf THEN 'TERMINATED'
                            WHEN EXISTS (SELECT 1 FROM suspension u WHERE u.project_id = p.project_id
                                         AND u.suspended_on <= :asOf AND (u.resumed_on IS NULL OR u.resumed_on > :asOf))
                            THEN 'SUSPENDED'
                            ELSE 'ACTIVE' END AS status
                FROM project p
                LEFT JOIN LATERAL (SELECT m.stage, m.effective_date FROM milestone m
                                   WHERE m.project_id = p.project_id AND m.effective_date <= :asOf
                                   ORDER BY m.stage DESC LIMIT 1) s ON true
                WHERE true %s)
            """;

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    ProjectReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    @Transactional(readOnly = true)
    public ProjectPage list(ProjectQuery query) {
        readModels.useActive();
        FunnelFilter filter = query.filter();
        String scope = switch (query.duplicates()) {
            case INCLUDE -> ProjectScope.listed(filter.district(), filter.chain());
            case EXCLUDE -> ProjectScope.conditions(filter.district(), filter.chain());
            case ONLY -> ProjectScope.listed(filter.district(), filter.chain()) + " AND " + ProjectScope.DUPLICATE;
        };
        String listed = LISTED.formatted(scope
                + query.cohort().map(cell -> " AND p.project_id IN (SELECT project_id FROM ("
                        + CohortMembers.sql(Optional.empty(), Optional.empty()) + ") AS members WHERE stage = :cohortStage"
                        + cell.outcome().map(outcome -> " AND " + outcome.condition).orElse("") + ")").orElse("")
                + query.reached().map(reached -> " AND p.project_id IN (SELECT project_id FROM ("
                        + StageReached.sql(Optional.empty(), Optional.empty()) + ") AS reached WHERE stage = :reachedStage)")
                        .orElse("")
                + query.reported().map(reported -> " AND p.project_id IN (SELECT project_id FROM investment_report"
                        + " WHERE period >= :reportedFrom AND period <= :reportedUntil)").orElse(""));
        String selected = "FROM listed WHERE true" + query.stage().map(stage -> stageCondition(query.figure())).orElse("")
                + (query.stalledDays().isPresent()
                ? " AND stage < :producing AND status <> 'TERMINATED' AND :asOf - stage_since > :stalledDays" : "");
        long total = statement(listed + "SELECT count(*) " + selected, query).query(Long.class).single();
        List<ProjectSummary> items = statement(listed + "SELECT * " + selected
                + " ORDER BY " + query.sort().column + (query.descending() ? " DESC" : " ASC") + " NULLS LAST, project_id"
                + " LIMIT :size OFFSET :offset", query)
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((row, number) -> summary(row))
                .list();
        return new ProjectPage(marked(items), query.page(), query.size(), total);
    }

    /** Every project of the filter on its date, by code: what the lights are computed from. */
    @Transactional(readOnly = true)
    public List<ProjectSummary> all(FunnelFilter filter) {
        readModels.useActive();
        JdbcClient.StatementSpec statement = jdbc.sql(LISTED.formatted(ProjectScope.conditions(filter.district(), filter.chain()))
                        + "SELECT * FROM listed ORDER BY code, project_id")
                .param("asOf", filter.asOf());
        return marked(ProjectScope.bind(statement, filter.district(), filter.chain())
                .query((row, number) -> summary(row))
                .list());
    }

    @Transactional(readOnly = true)
    public Optional<ProjectDetails> details(UUID projectId, LocalDate asOf) {
        readModels.useActive();
        Optional<ProjectSummary> summary = jdbc.sql(LISTED.formatted("AND p.project_id = :project")
                        + "SELECT * FROM listed")
                .param("asOf", asOf)
                .param("project", projectId)
                .query((row, number) -> summary(row))
                .optional();
        return summary.map(found -> details(marked(List.of(found)).get(0), asOf));
    }

    private ProjectDetails details(ProjectSummary summary, LocalDate asOf) {
        Map<Stage, StageRecord> recorded = new EnumMap<>(Stage.class);
        jdbc.sql("SELECT stage, effective_date, amount_cny FROM milestone WHERE project_id = :project AND effective_date <= :asOf")
                .param("project", summary.projectId())
                .param("asOf", asOf)
                .query((row, number) -> {
                    Stage stage = Stage.values()[row.getInt("stage")];
                    return recorded.put(stage, new StageRecord(stage, row.getObject("effective_date", LocalDate.class),
                            row.getBigDecimal("amount_cny"), true));
                })
                .list();
        List<StageRecord> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            boolean reached = summary.stage() != null && stage.compareTo(summary.stage()) <= 0;
            stages.add(recorded.getOrDefault(stage, new StageRecord(stage, null, null, reached)));
        }
        List<SuspensionPeriod> suspensions = jdbc.sql("""
                        SELECT suspended_on, CASE WHEN resumed_on <= :asOf THEN resumed_on END AS resumed_on
                        FROM suspension WHERE project_id = :project AND suspended_on <= :asOf ORDER BY sequence""")
                .param("project", summary.projectId())
                .param("asOf", asOf)
                .query((row, number) -> new SuspensionPeriod(row.getObject("suspended_on", LocalDate.class),
                        row.getObject("resumed_on", LocalDate.class)))
                .list();
        return jdbc.sql("""
                        SELECT p.investor, p.park, CASE WHEN p.terminated_on <= :asOf THEN p.terminated_on END AS terminated_on,
                               r.period, r.cumulative_completed_cny
                        FROM project p
                        LEFT JOIN LATERAL (SELECT period, cumulative_completed_cny FROM investment_report i
                                           WHERE i.project_id = p.project_id AND i.period <= :month
                                           ORDER BY period DESC LIMIT 1) r ON true
                        WHERE p.project_id = :project""")
                .param("project", summary.projectId())
                .param("asOf", asOf)
                .param("month", YearMonth.from(asOf).toString())
                .query((row, number) -> new ProjectDetails(summary, row.getString("investor"), row.getString("park"), stages,
                        suspensions, row.getObject("terminated_on", LocalDate.class),
                        row.getBigDecimal("cumulative_completed_cny"),
                        row.getString("period") == null ? null : YearMonth.parse(row.getString("period"))))
                .single();
    }

    /** The projects with their duplicate decisions' marks: one query for all of them. */
    private List<ProjectSummary> marked(List<ProjectSummary> projects) {
        if (projects.isEmpty()) {
            return projects;
        }
        Map<UUID, DuplicateMark> duplicateOf = new HashMap<>();
        Map<UUID, List<DuplicateMark>> duplicates = new HashMap<>();
        jdbc.sql("""
                        SELECT 'of' AS kind, d.duplicate_id AS project_id, d.primary_id AS other, o.code, o.district
                        FROM duplicate_decision d LEFT JOIN project o ON o.project_id = d.primary_id
                        WHERE d.duplicate_id = ANY(:ids)
                        UNION ALL
                        SELECT 'has', d.primary_id, d.duplicate_id, o.code, o.district
                        FROM duplicate_decision d LEFT JOIN project o ON o.project_id = d.duplicate_id
                        WHERE d.duplicate_id IS NOT NULL AND d.primary_id = ANY(:ids)
                        ORDER BY 1, 2, 3""")
                .param("ids", new SqlArrayValue("uuid", projects.stream().map(ProjectSummary::projectId).toArray()))
                .query(row -> {
                    UUID project = row.getObject("project_id", UUID.class);
                    DuplicateMark other = new DuplicateMark(row.getObject("other", UUID.class), row.getString("code"),
                            row.getString("district"));
                    if (row.getString("kind").equals("of")) {
                        duplicateOf.putIfAbsent(project, other);
                    } else {
                        duplicates.computeIfAbsent(project, id -> new ArrayList<>()).add(other);
                    }
                });
        if (duplicateOf.isEmpty() && duplicates.isEmpty()) {
            return projects;
        }
        return projects.stream().map(project -> project.marked(new DuplicateMarks(duplicateOf.get(project.projectId()),
                duplicates.getOrDefault(project.projectId(), List.of())))).toList();
    }

    /** reached: at or above the stage; current: at it, not terminated; lost: at it, terminated; none: at it. */
    private static String stageCondition(Optional<FunnelFigure> figure) {
        return figure.map(wanted -> switch (wanted) {
            case REACHED -> " AND stage >= :stage";
            case CURRENT -> " AND stage = :stage AND status <> 'TERMINATED'";
            case LOST -> " AND stage = :stage AND status = 'TERMINATED'";
        }).orElse(" AND stage = :stage");
    }

    private JdbcClient.StatementSpec statement(String sql, ProjectQuery query) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("asOf", query.filter().asOf());
        ProjectScope.bind(statement, query.filter().district(), query.filter().chain());
        query.stage().ifPresent(stage -> statement.param("stage", stage.ordinal()));
        query.cohort().ifPresent(cell -> CohortMembers.bind(statement, cell.period(), cell.period(), query.filter().asOf())
                .param("cohortStage", cell.stage().ordinal()));
        query.reached().ifPresent(reached -> StageReached.bind(statement, reached.from(),
                        reached.untilOn(query.filter().asOf()))
                .param("reachedStage", reached.stage().ordinal()));
        query.reported().ifPresent(reported -> statement.param("reportedFrom", reported.from().toString())
                .param("reportedUntil", reported.untilOn(query.filter().asOf()).toString()));
        query.stalledDays().ifPresent(days -> statement
                .param("stalledDays", days)
                .param("producing", Stage.PRODUCING.ordinal()));
        return statement;
    }

    private static ProjectSummary summary(ResultSet row) throws SQLException {
        int stage = row.getInt("stage");
        Stage current = row.wasNull() ? null : Stage.values()[stage];
        BigDecimal planned = row.getBigDecimal("planned_investment_cny");
        return new ProjectSummary(row.getObject("project_id", UUID.class), row.getString("code"), row.getString("name"),
                row.getString("district"), row.getString("chain"), current, row.getObject("stage_since", LocalDate.class),
                ProjectStatus.valueOf(row.getString("status")), planned,
                new PlannedDates(row.getObject("planned_signed", LocalDate.class), row.getObject("planned_landed", LocalDate.class),
                        row.getObject("planned_started", LocalDate.class), row.getObject("planned_producing", LocalDate.class)),
                row.getString("responsible_person"), row.getString("responsible_leader"), row.getString("source"),
                DuplicateMarks.NONE);
    }
}
