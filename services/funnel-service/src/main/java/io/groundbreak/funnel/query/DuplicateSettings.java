package io.groundbreak.funnel.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The thresholds of a likely duplicate ({@code groundbreak.duplicates}, defaults in application.yml, docs/funnel.md
 * "Duplicate candidates"): how alike the investors and the names must be (Dice coefficients of character bigrams after
 * normalisation, 0–1) and how far apart the planned investments may be (the larger over the smaller).
 */
@ConfigurationProperties("groundbreak.duplicates")
public record DuplicateSettings(double investorSimilarity, double nameSimilarity, double investmentRatio) {

    public DuplicateSettings {
        if (investorSimilarity <= 0 || investorSimilarity > 1 || nameSimilarity <= 0 || nameSimilarity > 1) {
            throw new IllegalArgumentException("groundbreak.duplicates: similarities lie in (0, 1]");
        }
        if (investmentRatio < 1) {
            throw new IllegalArgumentException("groundbreak.duplicates.investment-ratio is at least 1: " + investmentRatio);
        }
    }
}
