package io.groundbreak.audit.ledger.ingest;

/** The answer to reprocessing one dead letter: {@code reprocessed} (in the ledger now) or still {@code parked}. */
public record ReprocessAnswer(long id, String status, String outcome) {
}
