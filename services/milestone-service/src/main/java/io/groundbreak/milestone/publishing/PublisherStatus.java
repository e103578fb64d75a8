package io.groundbreak.milestone.publishing;

import java.time.Instant;

/**
 * What this instance's publisher last met: since when its batches fail (null while they succeed), the
 * last failure's text, when Kafka last acknowledged a batch (null before the first) and the highest
 * store position (global index) of an acknowledged event (-1 before the first).
 */
record PublisherStatus(Instant failingSince, String lastFailure, Instant lastAcknowledgedAt, long acknowledgedPosition) {
}
