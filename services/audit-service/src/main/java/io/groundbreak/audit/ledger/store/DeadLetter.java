package io.groundbreak.audit.ledger.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A parked record as the dead-letter list shows it: the latest reason and detail, the project, sequence and
 * event id where they could be read, first and last failure, attempts, and {@code parked} (outstanding),
 * {@code reprocessed} (now in the ledger) or {@code discarded}.
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
