package io.groundbreak.funnel.query;

import java.util.List;

/**
 * What became of a project of a cohort by the valid date (docs/funnel.md "Cohorts"): it reached the next stage
 * within 90, 180 or 365 days of reaching the cohort's stage (cumulative: within 90 is within 180 too), or at all;
 * or it has not, and is still waiting (not terminated) or lost (terminated). Each carries its SQL condition over a
 * cohort member's {@code reached_on}, {@code next_on} (null when not reached by :asOf) and {@code terminated_on},
 * so that the table's figure and its project list are one definition.
 */
public enum CohortOutcome {
    WITHIN90(90, "next_on <= reached_on + 90"),
    WITHIN180(180, "next_on <= reached_on + 180"),
    WITHIN365(365, "next_on <= reached_on + 365"),
    REACHED(null, "next_on IS NOT NULL"),
    WAITING(null, "next_on IS NULL AND (terminated_on IS NULL OR terminated_on > :asOf)"),
    LOST(null, "next_on IS NULL AND terminated_on <= :asOf");

    /** The windows of the table, in order. */
    public static final List<CohortOutcome> WINDOWS = List.of(WITHIN90, WITHIN180, WITHIN365);

    private final Integer days;
    final String condition;

    CohortOutcome(Integer days, String condition) {
        this.days = days;
        this.condition = condition;
    }

    /** The window's length in days; only for the WITHIN outcomes. */
    public int days() {
        if (days == null) {
            throw new IllegalStateException(this + " is no window");
        }
        return days;
    }
}
