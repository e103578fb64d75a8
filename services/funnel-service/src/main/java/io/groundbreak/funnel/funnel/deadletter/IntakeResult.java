package io.groundbreak.funnel.funnel.deadletter;

import java.util.UUID;

/**
 * What became of one received record: applied, skipped as a redelivery, or parked (with the dead letter's id and
 * reason). {@code projectId} and {@code sequence} are null when the record did not say.
 */
public record IntakeResult(Kind kind, Long deadLetterId, ParkReason reason, String detail, UUID projectId,
                           Long sequence) {

    public enum Kind { APPLIED, REDELIVERED, PARKED }
}
