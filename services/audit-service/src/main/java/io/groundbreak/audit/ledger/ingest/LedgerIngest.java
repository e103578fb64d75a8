package io.groundbreak.audit.ledger.ingest;

import io.groundbreak.audit.ledger.record.ReceivedRecord;
import io.groundbreak.kit.deadletter.DeadLetter;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.ParkedEvents;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits an event to the ledger only if it extends the project's verified chain: its hash must be the
 * one its fields give, and its prevHash the hash of the ledger's previous event of the project (64 zeros
 * for sequence 0). A redelivered event is skipped. A refused event is parked (kept as received, outside
 * the ledger, where verification names it), logged at ERROR and counted in {@value #REJECTED_METRIC},
 * tagged with the reason. Later events of the project are judged the same way: one that extends the
 * verified chain is admitted, one that builds on a parked event finds no predecessor and is parked too.
 * When an event is admitted, a parked event that extends it (one that had only arrived before its
 * predecessor) is admitted after it. Every write of a project runs under the project's lock, so that an
 * administrator's reprocess and the consumer never judge the same project at once.
 */
@Component
public class LedgerIngest {

    public static final String REJECTED_METRIC = "groundbreak.audit.events.rejected";
    /** Outstanding parked records, read from the table, so that an alert on it survives restarts. */
    public static final String PARKED_METRIC = "groundbreak.audit.events.parked";
    /** Attempt sources. */
    public static final String CONSUMER = "consumer";
    public static final String REPROCESS = "reprocess";

    private static final Logger log = LoggerFactory.getLogger(LedgerIngest.class);

    private final Ledger ledger;
    private final ParkedEvents parked;
    private final MeterRegistry meters;

    LedgerIngest(Ledger ledger, ParkedEvents parked, MeterRegistry meters) {
        this.ledger = ledger;
        this.parked = parked;
        this.meters = meters;
        Gauge.builder(PARKED_METRIC, parked, ParkedEvents::countOutstanding)
                .description("Records kept outside the ledger and not yet reprocessed or discarded (outstanding dead letters)")
                .register(meters);
    }

    /**
     * @param received     the record as it came off the topic (null when a pre-V3 dead letter is reprocessed)
     * @param deadLetterId the dead letter being reprocessed, null for a delivery from the topic
     */
    @Transactional
    public IngestOutcome ingest(EventEnvelope envelope, ReceivedRecord received, Long deadLetterId, String source) {
        ledger.lockProject(envelope.subject());
        if (!envelope.hashIsIntact()) {
            return reject("hash-mismatch", envelope, "its hash " + envelope.hash() + " is not the one its fields give, "
                    + HashChain.hashOf(envelope), received, deadLetterId, source);
        }
        Optional<String> heldHash = ledger.hashOfEvent(envelope.id());
        if (heldHash.isPresent()) {
            if (heldHash.get().equals(envelope.hash())) {
                skipDuplicate(envelope);
                return IngestOutcome.duplicate();
            }
            return reject("conflicts-with-ledger", envelope, "the ledger holds this event id with another hash",
                    received, deadLetterId, source);
        }
        Optional<String> expectedPrevHash = envelope.sequence() == 0
                ? Optional.of(HashChain.GENESIS_PREV_HASH)
                : ledger.hashAt(envelope.subject(), envelope.sequence() - 1);
        if (expectedPrevHash.isEmpty()) {
            return reject("missing-predecessor", envelope, "the ledger does not hold the project's event "
                    + (envelope.sequence() - 1), received, deadLetterId, source);
        }
        if (!expectedPrevHash.get().equals(envelope.prevHash())) {
            return reject("prev-hash-mismatch", envelope, "its prevHash is not the hash of the project's event "
                    + (envelope.sequence() - 1), received, deadLetterId, source);
        }
        if (ledger.append(envelope)) {
            admitParkedSuccessors(envelope);
            return IngestOutcome.admitted();
        }
        if (ledger.hashOfEvent(envelope.id()).isPresent()) {
            // lost a race with a second delivery of the same record
            skipDuplicate(envelope);
            return IngestOutcome.duplicate();
        }
        return reject("sequence-taken", envelope, "the ledger holds another event at this sequence",
                received, deadLetterId, source);
    }

    /** An event that could not be stored for a reason no retry fixes: parked as {@code failed}. */
    @Transactional
    public IngestOutcome parkFailed(EventEnvelope envelope, ReceivedRecord received, Long deadLetterId, String source,
                                    String detail) {
        ledger.lockProject(envelope.subject());
        return reject("failed", envelope, detail, received, deadLetterId, source);
    }

    /**
     * A record that is not an event ({@code malformed}), or one that could not even be parked as an event
     * ({@code failed}): parked as the record it is. A redelivery of it is the same dead letter.
     */
    @Transactional
    public IngestOutcome parkRecord(ReceivedRecord received, Long deadLetterId, String reason, String detail,
                                    String source) {
        if (deadLetterId != null) {
            parked.attempt(deadLetterId, reason, detail, source);
            return IngestOutcome.parked(deadLetterId, reason, detail);
        }
        Optional<Long> id = parked.parkRecord(received, reason, detail, source);
        if (id.isPresent()) {
            count(reason);
            log.error("Parked, not stored in the ledger: {} ({}): {}", received.describe(), reason, detail);
            return IngestOutcome.parked(id.get(), reason, detail);
        }
        DeadLetter existing = parked.findRecord(received).orElseThrow();
        return again(existing, reason, detail, source);
    }

    /** Events that arrived before their predecessor (e.g. after the topic gained partitions) join the chain now. */
    private void admitParkedSuccessors(EventEnvelope admitted) {
        EventEnvelope last = admitted;
        while (true) {
            Optional<EventEnvelope> next = parked.linkingTo(last.subject(), last.sequence() + 1, last.hash()).stream()
                    .filter(EventEnvelope::hashIsIntact)
                    .findFirst();
            if (next.isEmpty() || !ledger.append(next.get())) {
                return;
            }
            log.warn("Admitted parked event {} of project {} at sequence {}: its predecessor has arrived",
                    next.get().id(), next.get().subject(), next.get().sequence());
            last = next.get();
        }
    }

    private static void skipDuplicate(EventEnvelope envelope) {
        log.debug("Skipped redelivered event {} of project {} (sequence {})",
                envelope.id(), envelope.subject(), envelope.sequence());
    }

    /**
     * Parks the event, or adds an attempt to the dead letter that holds it already (a redelivery, a reprocess):
     * a record is parked and counted once.
     */
    private IngestOutcome reject(String reason, EventEnvelope envelope, String why, ReceivedRecord received,
                                 Long deadLetterId, String source) {
        if (deadLetterId != null) {
            parked.attempt(deadLetterId, reason, why, source);
            return IngestOutcome.parked(deadLetterId, reason, why);
        }
        Optional<DeadLetter> existing = parked.findEvent(envelope);
        if (existing.isPresent()) {
            return again(existing.get(), reason, why, source);
        }
        long id = parked.parkEvent(envelope, reason, why, received, source);
        count(reason);
        log.error("Parked, not stored in the ledger: event {} ({}) of project {} at sequence {}, recorded by {}: {}",
                envelope.id(), envelope.type(), envelope.subject(), envelope.sequence(), envelope.recordedBy(), why);
        return IngestOutcome.parked(id, reason, why);
    }

    private IngestOutcome again(DeadLetter existing, String reason, String why, String source) {
        if (!existing.outstanding()) {
            log.debug("Skipped a redelivery of dead letter {} ({})", existing.id(), existing.status());
            return IngestOutcome.ignored(existing.id());
        }
        parked.attempt(existing.id(), reason, why, source);
        log.debug("Dead letter {} failed again ({})", existing.id(), reason);
        return IngestOutcome.parked(existing.id(), reason, why);
    }

    private void count(String reason) {
        Counter.builder(REJECTED_METRIC)
                .description("Records not stored in the ledger because they failed a check")
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
