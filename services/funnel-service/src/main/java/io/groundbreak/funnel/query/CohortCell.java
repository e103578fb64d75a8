package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell of the cohort table, as a project list asks for it: the projects that reached {@code stage} in
 * {@code period}, or only those with {@code outcome} at the next stage.
 */
public record CohortCell(Stage stage, CohortPeriod period, Optional<CohortOutcome> outcome) {

    public CohortCell {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(outcome, "outcome");
        if (stage == Stage.PRODUCING) {
            throw new IllegalArgumentException("PRODUCING has no next stage");
        }
    }
}
