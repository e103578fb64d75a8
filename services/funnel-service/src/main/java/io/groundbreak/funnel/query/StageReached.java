package io.groundbreak.funnel.query;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projects that reached a stage between :reachedFrom and :reachedUntil, as SQL over the stage rows: one row
 * (project_id, stage, reached_on, district, chain, planned_investment_cny) per project and stage TALKS…PRODUCING it
 * reached in that span ({@link ReachedDates}). Shared by the targets' actuals and their project lists, so that a
 * figure and its list are one definition.
 */
final class StageReached {

    private static final String SQL = """
            SELECT r.project_id, s.stage, s.reached_on, r.district, r.chain, r.planned_investment_cny
            FROM (%s) r
            CROSS JOIN LATERAL (VALUES (0, r.r0), (1, r.r1), (2, r.r2), (3, r.r3), (4, r.r4)) AS s(stage, reached_on)
            WHERE s.reached_on >= :reachedFrom AND s.reached_on <= :reachedUntil""";

    private StageReached() {
    }

    /** The SELECT, within the district and chain when given (on table {@code project p}). */
    static String sql(Optional<String> district, Optional<String> chain) {
        return SQL.formatted(ReachedDates.sql("reachedUntil", "reachedFrom", "reachedUntil",
                ProjectScope.conditions(district, chain)));
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, LocalDate from, LocalDate until) {
        return statement.param("reachedFrom", from).param("reachedUntil", until);
    }
}
