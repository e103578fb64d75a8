package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.Light;
import io.groundbreak.funnel.query.LightRule;
import io.groundbreak.funnel.query.ProjectLight;
import java.time.LocalDate;

/**
 * A project's light and the rule that set it (docs/funnel.md "Lights"); {@code detail} says it in one line, e.g.
 * {@code plannedDatePassed: LANDED planned 2025-06-30}.
 */
record LightAnswer(Light light, LightRule rule, Label stage, LocalDate plannedDate, Long daysInStage, Integer threshold,
                   String detail) {

    static LightAnswer of(ProjectLight light, Labels labels) {
        return light == null ? null : new LightAnswer(light.light(), light.rule(), labels.stage(light.stage()),
                light.plannedDate(), light.daysInStage(), light.threshold(), light.describe());
    }
}
