package io.groundbreak.funnel.query;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The members of the cohorts whose periods lie in [:cohortFrom, :cohortUntil], as SQL over the stage rows: one row
 * (project_id, stage, reached_on, next_on, terminated_on) per project and stage TALKS…STARTED it reached in that
 * span, on :asOf. A project reaches stage s on the earliest date of its recorded stages at or above s (the trend's
 * "first reached": a skipped stage is reached with the stage above it), counting only dates on or before :asOf;
 * next_on is the same for s + 1 (null when not reached by :asOf). The earliest date lies in the span only if some
 * stage row does, so the projects are found through the index on the stage rows' dates (V7), not by reading every
 * project. Shared by the table and its project lists, so that a figure and its list are one definition.
 */
final class CohortMembers {

    private static final String SQL = """
            SELECT r.project_id, s.stage, s.reached_on, s.next_on, r.terminated_on
            FROM (%s) r
            CROSS JOIN LATERAL (VALUES (0, r.r0, r.r1), (1, r.r1, r.r2), (2, r.r2, r.r3), (3, r.r3, r.r4))
                AS s(stage, reached_on, next_on)
            WHERE s.reached_on >= :cohortFrom AND s.reached_on <= :cohortUntil""";

    private CohortMembers() {
    }

    /** The members' SELECT, within the district and chain when given (on table {@code project p}). */
    static String sql(Optional<String> district, Optional<String> chain) {
        return SQL.formatted(ReachedDates.sql("asOf", "cohortFrom", "cohortUntil", ProjectScope.conditions(district, chain)));
    }

    /** Binds :cohortFrom and :cohortUntil: from the first period's first day to its last one's last day, or asOf. */
    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CohortPeriod from, CohortPeriod to,
                                         LocalDate asOf) {
        LocalDate until = to.end().isBefore(asOf) ? to.end() : asOf;
        return statement.param("cohortFrom", from.start()).param("cohortUntil", until);
    }
}
