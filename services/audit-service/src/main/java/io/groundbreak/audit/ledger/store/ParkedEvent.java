package io.groundbreak.audit.ledger.store;

/** An event kept outside the ledger because it could not join its project's verified chain. */
public record ParkedEvent(String reason, StoredEvent event) {
}
