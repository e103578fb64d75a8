package io.groundbreak.funnel.query;

/** How long a cohort's period is: a calendar quarter ({@code 2024-Q1}) or month ({@code 2024-01}). */
public enum CohortGrain {
    QUARTER, MONTH
}
