package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * docs/funnel.md "Lights": a project's light on a date, from its stage, since when it holds it, its status and its
 * planned dates as the list reads them. Red before amber before green; within a colour the planned dates first,
 * the lowest stage's first.
 */
@Component
public class LightRules {

    private final LightSettings settings;

    LightRules(LightSettings settings) {
        this.settings = settings;
    }

    /**
     * The light on {@code asOf}, or empty where none applies: a project not in the funnel yet (no stage on the date),
     * producing, or terminated by then.
     */
    public Optional<ProjectLight> of(ProjectSummary project, LocalDate asOf) {
        Stage stage = project.stage();
        if (stage == null || stage == Stage.PRODUCING || project.status() == ProjectStatus.TERMINATED) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(project.stageSince(), asOf);
        LightSettings.StageThresholds thresholds = settings.thresholds(stage);
        Map.Entry<Stage, LocalDate> passed = null;
        Map.Entry<Stage, LocalDate> due = null;
        for (Map.Entry<Stage, LocalDate> plan : project.plannedDates().byStage().entrySet()) {
            if (!plan.getKey().isAbove(stage)) {
                continue;
            }
            if (passed == null && plan.getValue().isBefore(asOf)) {
                passed = plan;
            } else if (due == null && !plan.getValue().isBefore(asOf)
                    && !plan.getValue().isAfter(asOf.plusDays(settings.dueWithinDays()))) {
                due = plan;
            }
        }
        if (passed != null) {
            return Optional.of(new ProjectLight(Light.RED, LightRule.PLANNED_DATE_PASSED, passed.getKey(),
                    passed.getValue(), null, null));
        } else if (days > thresholds.red()) {
            return Optional.of(new ProjectLight(Light.RED, LightRule.DAYS_IN_STAGE_RED, stage, null, days, thresholds.red()));
        } else if (due != null) {
            return Optional.of(new ProjectLight(Light.AMBER, LightRule.PLANNED_DATE_DUE, due.getKey(), due.getValue(),
                    null, null));
        } else if (days > thresholds.amber()) {
            return Optional.of(new ProjectLight(Light.AMBER, LightRule.DAYS_IN_STAGE_AMBER, stage, null, days,
                    thresholds.amber()));
        }
        return Optional.of(new ProjectLight(Light.GREEN, LightRule.ON_TRACK, stage, null, days, null));
    }
}
