package io.groundbreak.audit.ledger.store;

import java.time.Instant;

/** The ledger's newest event by its envelope {@code time}, and when it joined the ledger. */
public record NewestEvent(Instant recordedAt, Instant ingestedAt) {
}
