package io.groundbreak.kit.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * A parked record as operators see it ({@code GET /api/admin/dead-letters}, the same contract in funnel-service and
 * audit-service): the latest reason and detail, the project, sequence and event id where they could be read, first
 * and last failure, attempts, and {@code parked} (outstanding), {@code reprocessed} (now applied) or {@code discarded}.
 */
public record DeadLetter(long id, String reason, String detail, UUID projectId, Long sequence, UUID eventId,
                         Instant firstFailureAt, Instant lastFailureAt, int attempts, String status) {

    public static final String PARKED = "parked";
    public static final String REPROCESSED = "reprocessed";
    public static final String DISCARDED = "discarded";

    public boolean outstanding() {
        return PARKED.equals(status);
    }
}
