package io.groundbreak.milestone.config;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The review bounds of four eyes on the past ({@code groundbreak.review}, defaults in application.yml, README "Four
 * eyes"), handed to the Project aggregate's handlers as {@code ReviewBounds} (ReviewConfig).
 */
@ConfigurationProperties("groundbreak.review")
record ReviewSettings(boolean enabled, int correctionDays, boolean retractions, boolean terminations,
                      BigDecimal investmentDecreasePercent, int plannedDateDays) {

    ReviewSettings {
        if (correctionDays < 0 || plannedDateDays < 0 || investmentDecreasePercent == null
                || investmentDecreasePercent.signum() < 0) {
            throw new IllegalArgumentException("groundbreak.review: the day and percent bounds are set and not negative");
        }
    }
}
