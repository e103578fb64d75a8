package io.groundbreak.audit.ledger.ingest;

/** The dead letter was reprocessed or discarded already: the operation cannot apply to it. */
public class DeadLetterClosed extends RuntimeException {

    private final String status;

    DeadLetterClosed(long id, String status) {
        super("dead letter " + id + " is " + status);
        this.status = status;
    }

    public String status() {
        return status;
    }
}
