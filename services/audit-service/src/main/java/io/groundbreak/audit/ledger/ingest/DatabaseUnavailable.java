package io.groundbreak.audit.ledger.ingest;

/**
 * The database did not answer, or refused writes: nothing is wrong with the record, so it is neither parked
 * nor acknowledged; the consumer tries it again until the database answers.
 */
public class DatabaseUnavailable extends RuntimeException {

    DatabaseUnavailable(Throwable cause) {
        super("the database is unavailable: " + cause.getMessage(), cause);
    }
}
