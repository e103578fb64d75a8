package io.groundbreak.audit.ledger.store;

import java.util.UUID;

/** A project's last event in the ledger: its sequence and hash. */
public record Head(UUID projectId, long sequence, String hash) {
}
