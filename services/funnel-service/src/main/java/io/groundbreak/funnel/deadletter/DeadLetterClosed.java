package io.groundbreak.funnel.deadletter;

/** The operation needs a parked dead letter, and this one was reprocessed or discarded already. */
public class DeadLetterClosed extends RuntimeException {

    public DeadLetterClosed(long id, String status) {
        super("dead letter " + id + " is " + status);
    }
}
