package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import io.groundbreak.funnel.readmodel.ReadModels;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the recorded milestones say over time. Cycle times: between consecutive stages that a project
 * recorded both explicitly, dated on or before asOf. Trend: a project reaches stage s on the earliest
 * date of its recorded stages at or above s (a skipped stage is reached with the stage above it), counted
 * per month.
 */
@Component
public class MilestoneReader {

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    MilestoneReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    @Transactional(readOnly = true)
    public List<CycleTime> cycleTimes(FunnelFilter filter) {
        readModels.useActive();
        Map<Integer, CycleTime> measured = new HashMap<>();
        ProjectScope.bind(jdbc.sql("""
                        SELECT a.stage, count(*) AS projects,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY b.effective_date - a.effective_date) AS median,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY b.effective_date - a.effective_date) AS p90
                        FROM milestone a
                        JOIN milestone b ON b.project_id = a.project_id AND b.stage = a.stage + 1
                        JOIN project p ON p.project_id = a.project_id
                        WHERE a.effective_date <= :asOf AND b.effective_date <= :asOf %s
                        GROUP BY a.stage""".formatted(ProjectScope.conditions(filter.district(), filter.chain())))
                .param("asOf", filter.asOf()), filter.district(), filter.chain())
                .query((row, number) -> {
                    Stage from = Stage.values()[row.getInt("stage")];
                    return measured.put(from.ordinal(), new CycleTime(from, Stage.values()[from.ordinal() + 1],
                            row.getLong("projects"), row.getDouble("median"), row.getDouble("p90")));
                })
                .list();
        List<CycleTime> cycleTimes = new ArrayList<>();
        for (int from = 0; from + 1 < Stage.values().length; from++) {
            cycleTimes.add(measured.getOrDefault(from,
                    new CycleTime(Stage.values()[from], Stage.values()[from + 1], 0, null, null)));
        }
        return cycleTimes;
    }

    @Transactional(readOnly = true)
    public List<TrendMonth> trend(YearMonth from, YearMonth to, Optional<String> district, Optional<String> chain) {
        readModels.useActive();
        Map<YearMonth, Map<Stage, Long>> months = new LinkedHashMap<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Map<Stage, Long> reached = new EnumMap<>(Stage.class);
            for (Stage stage : Stage.values()) {
                reached.put(stage, 0L);
            }
            months.put(month, reached);
        }
        ProjectScope.bind(jdbc.sql("""
                        WITH reach AS (
                            SELECT s.stage, min(m.effective_date) AS reached_on
                            FROM milestone m
                            JOIN project p ON p.project_id = m.project_id
                            CROSS JOIN generate_series(0, 4) AS s(stage)
                            WHERE m.stage >= s.stage %s
                            GROUP BY m.project_id, s.stage)
                        SELECT to_char(reached_on, 'YYYY-MM') AS month, stage, count(*) AS projects
                        FROM reach
                        WHERE reached_on >= :from AND reached_on < :until
                        GROUP BY 1, 2""".formatted(ProjectScope.conditions(district, chain)))
                .param("from", from.atDay(1))
                .param("until", to.plusMonths(1).atDay(1)), district, chain)
                .query((row, number) -> months.get(YearMonth.parse(row.getString("month")))
                        .put(Stage.values()[row.getInt("stage")], row.getLong("projects")))
                .list();
        List<TrendMonth> trend = new ArrayList<>();
        months.forEach((month, reached) -> trend.add(new TrendMonth(month, reached)));
        return trend;
    }
}
