package io.groundbreak.funnel.query;

import java.time.Instant;
import java.util.UUID;

/** One cell as one TargetsSet event set it: who, when, why, and the whole target it gave the cell. */
public record TargetChange(UUID eventId, Instant time, String recordedBy, String reason, TargetCellKey cell,
                           TargetValues target) {
}
