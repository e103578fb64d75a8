package io.groundbreak.funnel.projection;

import io.groundbreak.events.TargetsSet;
import java.time.Instant;
import java.util.UUID;

/** A TargetsSet applied to its year's plan stream, with what target_change keeps of its envelope. */
record PlanChange(UUID eventId, long sequence, Instant recordedAt, String recordedBy, TargetsSet targets) {
}
