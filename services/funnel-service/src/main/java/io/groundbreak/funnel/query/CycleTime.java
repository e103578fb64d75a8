package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;

/**
 * Days from {@code from} to the next stage {@code to}, over the {@code count} projects that recorded
 * both; the median and 90th percentile interpolate linearly (null when nobody recorded both).
 */
public record CycleTime(Stage from, Stage to, long count, Double medianDays, Double p90Days) {
}
