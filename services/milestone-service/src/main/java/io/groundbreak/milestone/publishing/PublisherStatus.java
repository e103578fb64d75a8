package io.groundbreak.milestone.publishing;

import java.time.Instant;

/**
 * What this instance's publisher last met: since when its batches fail (null while they succeed), the
 * last failure's text, and when Kafka last acknowledged a batch (null before the first).
 */
record PublisherStatus(Instant failingSince, String lastFailure, Instant lastAcknowledgedAt) {
}
