package io.groundbreak.funnel.funnel.query;

import io.groundbreak.events.Stage;
import io.groundbreak.funnel.funnel.readmodel.ReadModels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Cycle times between consecutive stages that a project recorded both explicitly, dated on or before asOf. */
@Component
public class CycleTimeReader {

    private final JdbcClient jdbc;
    private final ReadModels readModels;

    CycleTimeReader(JdbcClient jdbc, ReadModels readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    @Transactional(readOnly = true)
    public List<CycleTime> cycleTimes(FunnelFilter filter) {
        readModels.useActive();
        Map<Integer, CycleTime> measured = new HashMap<>();
        var statement = jdbc.sql("""
                        SELECT a.stage, count(*) AS projects,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY b.effective_date - a.effective_date) AS median,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY b.effective_date - a.effective_date) AS p90
                        FROM milestone a
                        JOIN milestone b ON b.project_id = a.project_id AND b.stage = a.stage + 1
                        JOIN project p ON p.project_id = a.project_id
                        WHERE a.effective_date <= :asOf AND b.effective_date <= :asOf %s %s
                        GROUP BY a.stage""".formatted(
                        filter.district().isPresent() ? "AND p.district = :district" : "",
                        filter.chain().isPresent() ? "AND p.chain = :chain" : ""))
                .param("asOf", filter.asOf());
        filter.district().ifPresent(district -> statement.param("district", district));
        filter.chain().ifPresent(chain -> statement.param("chain", chain));
        statement.query((row, number) -> {
            Stage from = Stage.values()[row.getInt("stage")];
            return measured.put(from.ordinal(), new CycleTime(from, Stage.values()[from.ordinal() + 1],
                    row.getLong("projects"), row.getDouble("median"), row.getDouble("p90")));
        }).list();
        List<CycleTime> cycleTimes = new ArrayList<>();
        for (int from = 0; from + 1 < Stage.values().length; from++) {
            cycleTimes.add(measured.getOrDefault(from,
                    new CycleTime(Stage.values()[from], Stage.values()[from + 1], 0, null, null)));
        }
        return cycleTimes;
    }
}
