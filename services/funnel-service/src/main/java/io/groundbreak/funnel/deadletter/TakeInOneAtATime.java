package io.groundbreak.funnel.deadletter;

/**
 * A poll's records cannot all be taken in together ({@link Intake#offerAll}): one of them is malformed or would be
 * parked. Thrown before anything is written, it rolls the poll's transaction back; its records are then offered one
 * at a time.
 */
public class TakeInOneAtATime extends RuntimeException {

    TakeInOneAtATime(String reason) {
        super(reason, null, false, false);
    }
}
