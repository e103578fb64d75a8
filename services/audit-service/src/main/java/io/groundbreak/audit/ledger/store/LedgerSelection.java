package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.ProjectId;
import java.time.Instant;
import java.util.Optional;

/** Which ledger events to read; every part is optional, the recorded-time bounds are inclusive. */
public record LedgerSelection(Optional<ProjectId> project, Optional<String> district,
                              Optional<Instant> recordedFrom, Optional<Instant> recordedTo) {

    public static LedgerSelection everything() {
        return new LedgerSelection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static LedgerSelection knownAt(Instant knownAt) {
        return new LedgerSelection(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(knownAt));
    }
}
