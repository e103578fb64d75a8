package io.groundbreak.audit.ledger.ingest;

/** The answer to discarding a dead letter. */
public record DiscardAnswer(long id, String status) {
}
