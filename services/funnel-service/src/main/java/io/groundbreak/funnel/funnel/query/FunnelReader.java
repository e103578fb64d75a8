package io.groundbreak.funnel.funnel.query;

import io.groundbreak.events.Stage;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the funnel from the projection: PostgreSQL finds each project's stage on the valid date and
 * counts per stage, so at most ten rows leave the database whatever the number of projects.
 */
@Component
public class FunnelReader {

    /** A stage's position in the funnel, 0 for TALKS, taken from the one place that orders stages. */
    private static final String STAGE_POSITION = "array_position(ARRAY["
            + Arrays.stream(Stage.values()).map(stage -> "'" + stage.name() + "'").collect(Collectors.joining(","))
            + "]::text[], m.stage) - 1";

    private final JdbcClient jdbc;

    FunnelReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Funnel funnel(FunnelFilter filter) {
        return Funnel.of(filter.asOf(), tallies(filter));
    }

    private List<StageTally> tallies(FunnelFilter filter) {
        String sql = """
                WITH staged AS (
                    SELECT p.planned_investment_cny,
                           COALESCE(p.terminated_on <= :asOf, false) AS terminated,
                           max(%s) AS stage_position
                    FROM funnel_project p
                    JOIN funnel_milestone m ON m.project_id = p.project_id AND m.effective_date <= :asOf
                    WHERE true %s %s
                    GROUP BY p.project_id
                )
                SELECT stage_position, terminated, count(*) AS projects, sum(planned_investment_cny) AS investment
                FROM staged
                GROUP BY stage_position, terminated""".formatted(
                STAGE_POSITION,
                filter.district().isPresent() ? "AND p.district = :district" : "",
                filter.chain().isPresent() ? "AND p.chain = :chain" : "");
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("asOf", filter.asOf());
        filter.district().ifPresent(district -> statement.param("district", district));
        filter.chain().ifPresent(chain -> statement.param("chain", chain));
        return statement.query((row, number) -> new StageTally(
                        Stage.values()[row.getInt("stage_position")],
                        row.getBoolean("terminated"),
                        row.getLong("projects"),
                        row.getBigDecimal("investment")))
                .list();
    }
}
