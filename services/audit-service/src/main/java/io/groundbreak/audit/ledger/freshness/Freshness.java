package io.groundbreak.audit.ledger.freshness;

import java.time.Instant;

/**
 * How fresh an answer is (README "Freshness"), as funnel-service says it: the newest event the ledger holds, by the
 * time it was recorded, and when it was ingested; how many records of the topic the consumer group has not taken
 * yet (null when unknown); and when this was read. Read just before the answer, so it covers at least that.
 */
public record Freshness(Instant newestEventRecordedAt, Instant newestEventAppliedAt, Long lag, Instant checkedAt) {
}
