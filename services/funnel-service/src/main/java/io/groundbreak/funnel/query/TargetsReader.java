package io.groundbreak.funnel.query;

import io.groundbreak.funnel.readmodel.ReadModels;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's targets of a year (TargetsSet events, table target_change) against what the projects achieved in it
 * (docs/funnel.md "Targets"), in the filter's district and chain.
 */
@Component
public class TargetsReader {

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    TargetsReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    /** The year's cells with a target or an actual, counted from the year's first day to the filter's date or year end. */
    @Transactional(readOnly = true)
    public Targets targets(int year, FunnelFilter filter) {
        readModels.useActive();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate until = filter.asOf().isBefore(yearEnd) ? filter.asOf() : yearEnd;
        Map<TargetCellKey, TargetValues> targets = new HashMap<>();
        current(year, filter).forEach(change -> targets.put(change.cell(), change.target()));
        Map<TargetCellKey, ActualValues> actuals = until.isBefore(from) ? Map.of() : actuals(from, until, filter);
        Map<TargetCellKey, TargetProgress> cells = new HashMap<>();
        targets.forEach((cell, target) -> cells.put(cell, new TargetProgress(target, ActualValues.NONE)));
        actuals.forEach((cell, actual) -> cells.merge(cell, new TargetProgress(TargetValues.NONE, actual),
                (set, achieved) -> new TargetProgress(set.target(), achieved.actual())));
        return new Targets(year, until, cells);
    }

    /** Every change of the year's cells in the filter's district and chain, newest first. */
    @Transactional(readOnly = true)
    public List<TargetChange> history(int year, FunnelFilter filter) {
        readModels.useActive();
        return scoped(jdbc.sql("SELECT * FROM target_change WHERE year = :year" + conditions(filter)
                + " ORDER BY sequence DESC, cell"), year, filter)
                .query((row, number) -> change(row))
                .list();
    }

    /** Each cell's latest change: its target now. */
    private List<TargetChange> current(int year, FunnelFilter filter) {
        return scoped(jdbc.sql("SELECT DISTINCT ON (district, chain) * FROM target_change WHERE year = :year"
                + conditions(filter) + " ORDER BY district, chain, sequence DESC"), year, filter)
                .query((row, number) -> change(row))
                .list();
    }

    private Map<TargetCellKey, ActualValues> actuals(LocalDate from, LocalDate until, FunnelFilter filter) {
        Map<TargetCellKey, ActualValues> actuals = new HashMap<>();
        JdbcClient.StatementSpec reached = jdbc.sql("""
                SELECT district, chain,
                       count(*) FILTER (WHERE stage = 1) AS signed, count(*) FILTER (WHERE stage = 2) AS landed,
                       count(*) FILTER (WHERE stage = 3) AS started, count(*) FILTER (WHERE stage = 4) AS producing,
                       coalesce(sum(planned_investment_cny) FILTER (WHERE stage = 1), 0) AS planned
                FROM (%s) AS reached
                GROUP BY district, chain""".formatted(StageReached.sql(filter.district(), filter.chain())));
        ProjectScope.bind(StageReached.bind(reached, from, until), filter.district(), filter.chain())
                .query((row, number) -> actuals.merge(key(row), new ActualValues(row.getLong("signed"),
                        row.getLong("landed"), row.getLong("started"), row.getLong("producing"),
                        row.getBigDecimal("planned").setScale(2), BigDecimal.ZERO.setScale(2)), ActualValues::plus))
                .list();
        // a project's investment completed in the window: its last cumulative report up to the window's month, minus
        // its last one before the year (0 without one)
        JdbcClient.StatementSpec completed = jdbc.sql("""
                SELECT p.district, p.chain, sum(e.cumulative_completed_cny - coalesce(b.cumulative_completed_cny, 0)) AS completed
                FROM project p
                JOIN LATERAL (SELECT cumulative_completed_cny FROM investment_report i
                              WHERE i.project_id = p.project_id AND i.period <= :untilMonth
                              ORDER BY period DESC LIMIT 1) e ON true
                LEFT JOIN LATERAL (SELECT cumulative_completed_cny FROM investment_report i
                                   WHERE i.project_id = p.project_id AND i.period < :fromMonth
                                   ORDER BY period DESC LIMIT 1) b ON true
                WHERE p.project_id IN (SELECT project_id FROM investment_report
                                       WHERE period >= :fromMonth AND period <= :untilMonth) %s
                GROUP BY p.district, p.chain""".formatted(ProjectScope.conditions(filter.district(), filter.chain())))
                .param("fromMonth", YearMonth.from(from).toString())
                .param("untilMonth", YearMonth.from(until).toString());
        ProjectScope.bind(completed, filter.district(), filter.chain())
                .query((row, number) -> actuals.merge(key(row), new ActualValues(0, 0, 0, 0, BigDecimal.ZERO.setScale(2),
                        row.getBigDecimal("completed").setScale(2)), ActualValues::plus))
                .list();
        return actuals;
    }

    private static String conditions(FunnelFilter filter) {
        return (filter.district().isPresent() ? " AND district = :district" : "")
                + (filter.chain().isPresent() ? " AND chain = :chain" : "");
    }

    private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec statement, int year, FunnelFilter filter) {
        return ProjectScope.bind(statement.param("year", year), filter.district(), filter.chain());
    }

    private static TargetCellKey key(ResultSet row) throws SQLException {
        return new TargetCellKey(row.getString("district"), row.getString("chain"));
    }

    private static TargetChange change(ResultSet row) throws SQLException {
        return new TargetChange(row.getObject("event_id", UUID.class), row.getTimestamp("recorded_at").toInstant(),
                row.getString("recorded_by"), row.getString("reason"), key(row),
                new TargetValues(count(row, "signed"), count(row, "landed"), count(row, "started"), count(row, "producing"),
                        row.getBigDecimal("planned_investment_cny"), row.getBigDecimal("completed_investment_cny")));
    }

    private static Long count(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
