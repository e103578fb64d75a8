package io.groundbreak.audit.ledger.store;

import io.groundbreak.kit.deadletter.DeadLetter;
import java.util.Optional;

/**
 * An outstanding parked record for verification: the dead letter, and the event as it was received
 * where the record is one (empty for a record that is not an event).
 */
public record ParkedEvent(DeadLetter deadLetter, Optional<StoredEvent> event) {

    public String reason() {
        return deadLetter.reason();
    }
}
