package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lights' thresholds ({@code groundbreak.lights}, defaults in application.yml, docs/funnel.md "Lights"): per stage
 * below PRODUCING, the days in stage after which a project is amber and red, and how many days ahead a planned date
 * makes it amber. Checked at start: a city's configuration that cannot be meant stops the service.
 */
@ConfigurationProperties("groundbreak.lights")
public record LightSettings(int dueWithinDays, Map<Stage, StageThresholds> daysInStage) {

    /** More days in stage than {@code amber} make a project amber, more than {@code red} red. */
    public record StageThresholds(int amber, int red) {
    }

    public LightSettings {
        if (dueWithinDays < 0) {
            throw new IllegalArgumentException("groundbreak.lights.due-within-days must not be negative: " + dueWithinDays);
        }
        daysInStage = daysInStage == null ? Map.of() : daysInStage;
        for (Stage stage : Stage.values()) {
            StageThresholds thresholds = daysInStage.get(stage);
            if (stage != Stage.PRODUCING && thresholds == null) {
                throw new IllegalArgumentException("groundbreak.lights.days-in-stage." + stage + " is missing");
            }
            if (stage == Stage.PRODUCING && thresholds != null) {
                throw new IllegalArgumentException("groundbreak.lights.days-in-stage.PRODUCING: a producing project has no light");
            }
            if (thresholds != null && (thresholds.amber() < 0 || thresholds.red() < thresholds.amber())) {
                throw new IllegalArgumentException("groundbreak.lights.days-in-stage." + stage
                        + ": amber must be 0 or more and red at least amber, not " + thresholds);
            }
        }
        daysInStage = Map.copyOf(daysInStage);
    }

    public StageThresholds thresholds(Stage stage) {
        return daysInStage.get(stage);
    }
}
