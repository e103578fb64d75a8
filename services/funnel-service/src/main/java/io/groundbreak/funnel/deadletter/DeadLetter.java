package io.groundbreak.funnel.deadletter;

import java.time.Instant;
import java.util.UUID;

/** A parked record as operators see it ({@code GET /api/admin/dead-letters}). */
public record DeadLetter(long id, String reason, String detail, UUID projectId, Long sequence, UUID eventId,
                         Instant firstFailureAt, Instant lastFailureAt, int attempts, String status) {

    public static final String PARKED = "parked";
    public static final String REPROCESSED = "reprocessed";
    public static final String DISCARDED = "discarded";

    public boolean outstanding() {
        return PARKED.equals(status);
    }
}
