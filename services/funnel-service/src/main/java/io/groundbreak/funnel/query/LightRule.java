package io.groundbreak.funnel.query;

/** Which of docs/funnel.md's rules set a light; the rules are tried in this order and the first that holds wins. */
public enum LightRule {
    /** RED: a stage ahead had a planned date before the day asked for and was not reached by then. */
    PLANNED_DATE_PASSED,
    /** RED: the project held its stage more days than the stage's red threshold. */
    DAYS_IN_STAGE_RED,
    /** AMBER: a stage ahead is planned within the next {@code due-within-days} days (the day asked for included). */
    PLANNED_DATE_DUE,
    /** AMBER: the project held its stage more days than the stage's amber threshold. */
    DAYS_IN_STAGE_AMBER,
    /** GREEN: none of the above. */
    ON_TRACK
}
