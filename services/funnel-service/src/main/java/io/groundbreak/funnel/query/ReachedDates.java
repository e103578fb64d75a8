package io.groundbreak.funnel.query;

/**
 * Per project, the date it reached each stage (docs/funnel.md reachedOn: the earliest date of its recorded stages at or
 * above the stage, counting dates up to a bound), for the projects with a stage row dated in a span, found through the
 * index on the stage rows' dates (V7) rather than by reading every project. One row (project_id, district, chain,
 * planned_investment_cny, terminated_on, r0 … r4) per project: the cohorts and the targets' actuals are both built on
 * it, so that "reached in a period" has one definition.
 */
final class ReachedDates {

    private static final String SQL = """
            SELECT p.project_id, p.district, p.chain, p.planned_investment_cny, p.terminated_on,
                   min(m.effective_date) AS r0,
                   min(m.effective_date) FILTER (WHERE m.stage >= 1) AS r1,
                   min(m.effective_date) FILTER (WHERE m.stage >= 2) AS r2,
                   min(m.effective_date) FILTER (WHERE m.stage >= 3) AS r3,
                   min(m.effective_date) FILTER (WHERE m.stage >= 4) AS r4
            FROM project p
            JOIN milestone m ON m.project_id = p.project_id AND m.effective_date <= :%s
            WHERE p.project_id IN (SELECT c.project_id FROM milestone c
                                   WHERE c.effective_date >= :%s AND c.effective_date <= :%s) %s
            GROUP BY p.project_id""";

    private ReachedDates() {
    }

    /**
     * The SELECT, dates counted up to parameter {@code bound}, for the projects with a stage row between parameters
     * {@code spanFrom} and {@code spanUntil}, with further conditions on {@code project p} (e.g. its district).
     */
    static String sql(String bound, String spanFrom, String spanUntil, String conditions) {
        return SQL.formatted(bound, spanFrom, spanUntil, conditions);
    }
}
