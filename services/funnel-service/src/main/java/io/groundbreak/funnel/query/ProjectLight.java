package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.time.LocalDate;

/**
 * A project's light on a date and the rule that set it: for the planned-date rules the stage and its planned date,
 * for the days-in-stage rules the current stage, its days in stage and the threshold passed; null where the rule
 * has none.
 */
public record ProjectLight(Light light, LightRule rule, Stage stage, LocalDate plannedDate, Long daysInStage,
                           Integer threshold) {

    /** The rule in one line, e.g. {@code plannedDatePassed: LANDED planned 2025-06-30}. */
    public String describe() {
        return switch (rule) {
            case PLANNED_DATE_PASSED -> "plannedDatePassed: " + stage + " planned " + plannedDate;
            case PLANNED_DATE_DUE -> "plannedDateDue: " + stage + " planned " + plannedDate;
            case DAYS_IN_STAGE_RED, DAYS_IN_STAGE_AMBER -> "daysInStage: " + stage + " " + daysInStage + " days > "
                    + (rule == LightRule.DAYS_IN_STAGE_RED ? "red " : "amber ") + threshold;
            case ON_TRACK -> "onTrack: " + stage + " " + daysInStage + " days";
        };
    }
}
