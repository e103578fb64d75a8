package io.groundbreak.audit.ledger.store;

import io.groundbreak.audit.ledger.record.ReceivedRecord;
import io.groundbreak.kit.deadletter.DeadLetter;
import java.util.Optional;

/** What a parked record can be read again from: the record as received, else (rows from before V3) the stored event. */
public record ParkedRecord(DeadLetter deadLetter, Optional<ReceivedRecord> received, Optional<StoredEvent> event) {
}
