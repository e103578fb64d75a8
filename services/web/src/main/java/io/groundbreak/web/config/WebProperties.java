package io.groundbreak.web.config;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import io.groundbreak.events.Stage;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the dashboard measures against: {@code groundbreak.web.plan} (the plan's targets: number of
 * projects and planned investment by a date) and {@code groundbreak.web.stalled} (days in a stage
 * after which a project turns amber, then red, per stage).
 */
@ConfigurationProperties("groundbreak.web")
public record WebProperties(Plan plan, Stalled stalled) {

    public WebProperties {
        plan = plan == null ? new Plan(null, null, null) : plan;
        stalled = stalled == null ? new Stalled(null, null) : stalled;
    }

    /** The reference plan: 300 projects and 4,800亿元 (480 billion CNY) by the end of 2023. */
    public record Plan(Long projects, BigDecimal investmentCny, LocalDate due) {

        public Plan {
            projects = projects == null ? 300L : projects;
            investmentCny = investmentCny == null ? new BigDecimal("480000000000") : investmentCny;
            due = due == null ? LocalDate.of(2023, 12, 31) : due;
        }
    }

    /** Thresholds in days; a stage left out keeps its default. PRODUCING never stalls. */
    public record Stalled(Map<Stage, Integer> amberDays, Map<Stage, Integer> redDays) {

        public Stalled {
            amberDays = withDefaults(amberDays, 180, 90, 120, 365);
            redDays = withDefaults(redDays, 365, 180, 240, 730);
        }

        private static Map<Stage, Integer> withDefaults(Map<Stage, Integer> given, int talks, int signed, int landed,
                                                        int started) {
            Map<Stage, Integer> days = new EnumMap<>(Map.of(Stage.TALKS, talks, Stage.SIGNED, signed,
                    Stage.LANDED, landed, Stage.STARTED, started));
            if (given != null) {
                given.forEach((stage, value) -> {
                    if (stage != Stage.PRODUCING) {
                        days.put(stage, value);
                    }
                });
            }
            return Map.copyOf(days);
        }
    }
}
