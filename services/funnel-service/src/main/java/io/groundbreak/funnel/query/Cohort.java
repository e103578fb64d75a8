package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.util.List;

/**
 * The {@code projects} that reached {@code stage} in {@code period}, and what became of them at the next stage by
 * the valid date: within each window, at all ({@code reached}), still {@code waiting} or {@code lost}
 * (reached + waiting + lost = projects).
 */
public record Cohort(Stage stage, CohortPeriod period, long projects, List<CohortWindow> windows, long reached,
                     long waiting, long lost) {
}
