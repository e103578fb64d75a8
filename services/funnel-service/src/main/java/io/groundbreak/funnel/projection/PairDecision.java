package io.groundbreak.funnel.projection;

import io.groundbreak.events.DuplicateDecided;
import java.time.Instant;
import java.util.UUID;

/** A DuplicateDecided applied to its pair's stream, with what duplicate_decision keeps of its envelope. */
record PairDecision(UUID eventId, long sequence, Instant decidedAt, String decidedBy, DuplicateDecided decided) {
}
