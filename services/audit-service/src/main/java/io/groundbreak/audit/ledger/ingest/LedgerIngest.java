package io.groundbreak.audit.ledger.ingest;

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
 * predecessor) is admitted after it.
 */
@Component
public class LedgerIngest {

    public static final String REJECTED_METRIC = "groundbreak.audit.events.rejected";
    /** Read from the table, so that an alert on it survives restarts (the counter starts again at zero). */
    public static final String PARKED_METRIC = "groundbreak.audit.events.parked";

    private static final Logger log = LoggerFactory.getLogger(LedgerIngest.class);

    private final Ledger ledger;
    private final ParkedEvents parked;
    private final MeterRegistry meters;

    LedgerIngest(Ledger ledger, ParkedEvents parked, MeterRegistry meters) {
        this.ledger = ledger;
        this.parked = parked;
        this.meters = meters;
        Gauge.builder(PARKED_METRIC, parked, ParkedEvents::countOutstanding)
                .description("Events kept outside the ledger because they could not join their project's verified chain")
                .register(meters);
    }

    @Transactional
    public void ingest(EventEnvelope envelope) {
        if (!envelope.hashIsIntact()) {
            reject("hash-mismatch", envelope, "its hash " + envelope.hash() + " is not the one its fields give, "
                    + HashChain.hashOf(envelope));
            return;
        }
        Optional<String> heldHash = ledger.hashOfEvent(envelope.id());
        if (heldHash.isPresent()) {
            if (heldHash.get().equals(envelope.hash())) {
                skipDuplicate(envelope);
            } else {
                reject("conflicts-with-ledger", envelope, "the ledger holds this event id with another hash");
            }
            return;
        }
        Optional<String> expectedPrevHash = envelope.sequence() == 0
                ? Optional.of(HashChain.GENESIS_PREV_HASH)
                : ledger.hashAt(envelope.subject(), envelope.sequence() - 1);
        if (expectedPrevHash.isEmpty()) {
            reject("missing-predecessor", envelope, "the ledger does not hold the project's event "
                    + (envelope.sequence() - 1));
        } else if (!expectedPrevHash.get().equals(envelope.prevHash())) {
            reject("prev-hash-mismatch", envelope, "its prevHash is not the hash of the project's event "
                    + (envelope.sequence() - 1));
        } else if (ledger.append(envelope)) {
            admitParkedSuccessors(envelope);
        } else if (ledger.hashOfEvent(envelope.id()).isPresent()) {
            // lost a race with a second delivery of the same record
            skipDuplicate(envelope);
        } else {
            reject("sequence-taken", envelope, "the ledger holds another event at this sequence");
        }
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

    /** For records that are not events at all, so that every refusal is counted in one place. */
    public void rejectMalformed(String description) {
        count("malformed");
        log.error("Not stored in the ledger: {}", description);
    }

    private static void skipDuplicate(EventEnvelope envelope) {
        log.debug("Skipped redelivered event {} of project {} (sequence {})",
                envelope.id(), envelope.subject(), envelope.sequence());
    }

    /** A redelivery of a record parked before is neither parked nor counted again. */
    private void reject(String reason, EventEnvelope envelope, String why) {
        if (!parked.park(envelope, reason)) {
            log.debug("Skipped redelivered parked event {} of project {} ({})", envelope.id(), envelope.subject(), reason);
            return;
        }
        count(reason);
        log.error("Parked, not stored in the ledger: event {} ({}) of project {} at sequence {}, recorded by {}: {}",
                envelope.id(), envelope.type(), envelope.subject(), envelope.sequence(), envelope.recordedBy(), why);
    }

    private void count(String reason) {
        Counter.builder(REJECTED_METRIC)
                .description("Records not stored in the ledger because they failed a check")
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
