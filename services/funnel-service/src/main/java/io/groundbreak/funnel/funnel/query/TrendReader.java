package io.groundbreak.funnel.funnel.query;

import io.groundbreak.events.Stage;
import io.groundbreak.funnel.funnel.readmodel.ReadModels;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project reaches stage s on the earliest date of its recorded stages at or above s (a skipped stage
 * is reached with the stage above it); the trend counts those dates per month.
 */
@Component
public class TrendReader {

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    TrendReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
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
        var statement = jdbc.sql("""
                        WITH reach AS (
                            SELECT s.stage, min(m.effective_date) AS reached_on
                            FROM milestone m
                            JOIN project p ON p.project_id = m.project_id
                            CROSS JOIN generate_series(0, 4) AS s(stage)
                            WHERE m.stage >= s.stage %s %s
                            GROUP BY m.project_id, s.stage)
                        SELECT to_char(reached_on, 'YYYY-MM') AS month, stage, count(*) AS projects
                        FROM reach
                        WHERE reached_on >= :from AND reached_on < :until
                        GROUP BY 1, 2""".formatted(
                        district.isPresent() ? "AND p.district = :district" : "",
                        chain.isPresent() ? "AND p.chain = :chain" : ""))
                .param("from", from.atDay(1))
                .param("until", to.plusMonths(1).atDay(1));
        district.ifPresent(code -> statement.param("district", code));
        chain.ifPresent(code -> statement.param("chain", code));
        statement.query((row, number) -> months.get(YearMonth.parse(row.getString("month")))
                .put(Stage.values()[row.getInt("stage")], row.getLong("projects"))).list();
        List<TrendMonth> trend = new ArrayList<>();
        months.forEach((month, reached) -> trend.add(new TrendMonth(month, reached)));
        return trend;
    }
}
