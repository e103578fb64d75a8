package io.groundbreak.funnel.freshness;

import java.time.Instant;

/**
 * How fresh an answer's figures are (README "Freshness"): the newest event the view has applied, by the time it was
 * recorded, and when it was applied; how many records of the topic the consumer group has not applied yet (null
 * when unknown); and when this was read. Read just before the figures, so they include at least what it says.
 */
public record Freshness(Instant newestEventRecordedAt, Instant newestEventAppliedAt, Long lag, Instant checkedAt) {
}
