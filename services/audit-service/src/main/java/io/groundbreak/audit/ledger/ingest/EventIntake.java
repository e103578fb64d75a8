package io.groundbreak.audit.ledger.ingest;

import io.groundbreak.audit.ledger.record.ReceivedRecord;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import io.groundbreak.kit.database.DatabaseOutages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where every record from the topic goes, so that none is ever lost:
 * <ul>
 * <li>an event is judged by {@link LedgerIngest} (admitted, skipped as a redelivery, or parked with its reason);
 * <li>a record that is not an event is parked as {@code malformed};
 * <li>anything else no retry fixes is parked as {@code failed} (as an event where it can be stored as one,
 *     else as the record it is);
 * <li>a failure of the database itself (down, unreachable, read-only) parks nothing: {@link DatabaseUnavailable}
 *     goes back to the consumer, which tries the record again, with a capped back-off, until the database answers.
 * </ul>
 */
@Component
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final LedgerIngest ingest;

    EventIntake(LedgerIngest ingest) {
        this.ingest = ingest;
    }

    /** @throws DatabaseUnavailable when the database cannot take it now: the record must be delivered again */
    public IngestOutcome receive(ReceivedRecord record) {
        try {
            EventEnvelope envelope;
            try {
                envelope = record.envelope();
            } catch (MalformedEventException e) {
                return ingest.parkRecord(record, null, "malformed", e.getMessage(), LedgerIngest.CONSUMER);
            }
            return judge(envelope, record, null, LedgerIngest.CONSUMER);
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * An event judged again, with the record it came in when there is one, for a delivery or a reprocess.
     *
     * @throws DatabaseUnavailable when the database cannot take it now
     */
    IngestOutcome judge(EventEnvelope envelope, ReceivedRecord record, Long deadLetterId, String source) {
        try {
            return ingest.ingest(envelope, record, deadLetterId, source);
        } catch (MalformedEventException e) {
            // e.g. a lone surrogate, which no canonical JSON (and so no hash) can hold
            if (record == null && deadLetterId == null) {
                throw e;
            }
            return ingest.parkRecord(record, deadLetterId, "malformed", e.getMessage(), source);
        } catch (RuntimeException e) {
            if (DatabaseOutages.isRetryable(e)) {
                throw new DatabaseUnavailable(e);
            }
            String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Could not store event {} of project {} at sequence {}; parking it as failed",
                    envelope.id(), envelope.subject(), envelope.sequence(), e);
            try {
                return ingest.parkFailed(envelope, record, deadLetterId, source, detail);
            } catch (RuntimeException again) {
                if (DatabaseOutages.isRetryable(again) || (record == null && deadLetterId == null)) {
                    throw unavailableOr(again);
                }
                return ingest.parkRecord(record, deadLetterId, "failed", detail + "; as an event: " + again.getMessage(),
                        source);
            }
        }
    }

    static RuntimeException unavailableOr(RuntimeException e) {
        if (e instanceof DatabaseUnavailable) {
            return e;
        }
        return DatabaseOutages.isRetryable(e) ? new DatabaseUnavailable(e) : e;
    }
}
