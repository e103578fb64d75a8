package io.groundbreak.funnel.query;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projects that reached a stage between :reachedFrom and :reachedUntil, as SQL over the stage rows: one row
 * (project_id, stage, reached_on, district, chain, planned_investment_cny) per project and stage TALKS…PRODUCING it
 * reached in that span. A project reaches stage s on the earliest date of its recorded stages at or above s
 * (docs/funnel.md reachedOn: a skipped stage is reached with the stage above it); the earliest date lies in the span
 * only if some stage row does, so the projects are found through the index on the stage rows' dates (V7). Shared by
 * the targets' actuals and their project lists, so that a figure and its list are one definition.
 */
final class StageReached {

    private static final String SQL = """
            SELECT r.project_id, s.stage, s.reached_on, r.district, r.chain, r.planned_investment_cny
            FROM (SELECT m.project_id, p.district, p.chain, p.planned_investment_cny,
                         min(m.effective_date) AS r0,
                         min(m.effective_date) FILTER (WHERE m.stage >= 1) AS r1,
                         min(m.effective_date) FILTER (WHERE m.stage >= 2) AS r2,
                         min(m.effective_date) FILTER (WHERE m.stage >= 3) AS r3,
                         min(m.effective_date) FILTER (WHERE m.stage >= 4) AS r4
                  FROM project p
                  JOIN milestone m ON m.project_id = p.project_id AND m.effective_date <= :reachedUntil
                  WHERE p.project_id IN (SELECT c.project_id FROM milestone c
                                         WHERE c.effective_date >= :reachedFrom AND c.effective_date <= :reachedUntil) %s
                  GROUP BY m.project_id, p.district, p.chain, p.planned_investment_cny) r
            CROSS JOIN LATERAL (VALUES (0, r.r0), (1, r.r1), (2, r.r2), (3, r.r3), (4, r.r4)) AS s(stage, reached_on)
            WHERE s.reached_on >= :reachedFrom AND s.reached_on <= :reachedUntil""";

    private StageReached() {
    }

    /** The SELECT, within the district and chain when given (on table {@code project p}). */
    static String sql(Optional<String> district, Optional<String> chain) {
        return SQL.formatted(ProjectScope.conditions(district, chain));
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, LocalDate from, LocalDate until) {
        return statement.param("reachedFrom", from).param("reachedUntil", until);
    }
}
