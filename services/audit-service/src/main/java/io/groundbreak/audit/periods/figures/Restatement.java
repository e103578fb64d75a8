package io.groundbreak.audit.periods.figures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event recorded after the close that changed the closed month's figures, and what it changed. {@code stage} is the
 * stage a milestone, correction or retraction concerns; {@code effective} the date the event takes effect (an
 * investment report: its month; a retraction or an amendment: null).
 */
public record Restatement(UUID projectId, String code, String name, UUID eventId, long sequence, String type,
                          String stage, String effective, Instant recordedAt, String recordedBy,
                          List<FigureChange> changes) {
}
