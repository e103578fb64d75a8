package io.groundbreak.milestone.config;

import io.groundbreak.milestone.project.command.ReviewBounds;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review bounds as a bean: Axon resolves the Project aggregate's handler parameter from it, as it does the Clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewSettings.class)
class ReviewConfig {

    @Bean
    ReviewBounds reviewBounds(ReviewSettings settings) {
        return new ReviewBounds(settings.enabled(), settings.correctionDays(), settings.retractions(),
                settings.terminations(), settings.investmentDecreasePercent(), settings.plannedDateDays());
    }
}
