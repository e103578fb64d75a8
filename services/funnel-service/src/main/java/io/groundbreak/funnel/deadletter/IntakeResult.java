package io.groundbreak.funnel.deadletter;

import io.groundbreak.kit.deadletter.DeadLetter;
import java.util.UUID;

/**
 * What became of one received record: applied, skipped as a redelivery, or parked (with the dead letter's id and
 * reason, and that dead letter's status). {@code projectId} and {@code sequence} are null when the record did not say.
 */
public record IntakeResult(Kind kind, Long deadLetterId, ParkReason reason, String detail, UUID projectId,
                           Long sequence, String deadLetterStatus) {

    /**
     * False when the record is a dead letter an admin settled already (discarded, or reprocessed), delivered
     * again: it keeps that decision and is not parked anew.
     */
    public boolean parkedAnew() {
        return kind == Kind.PARKED && DeadLetter.PARKED.equals(deadLetterStatus);
    }

    public enum Kind { APPLIED, REDELIVERED, PARKED }
}
