package io.groundbreak.funnel.query;

/**
 * How many of a cohort reached the next stage within {@code days}; {@code closed} when every member's window has
 * passed by the valid date (the period's last day plus {@code days} is on or before it), so the figure no longer
 * grows unless the history is corrected.
 */
public record CohortWindow(int days, long reached, boolean closed) {
}
