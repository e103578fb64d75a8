package io.groundbreak.funnel.deadletter;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import io.groundbreak.funnel.projection.FunnelProjection;
import io.groundbreak.funnel.projection.Outcome;
import io.groundbreak.kit.deadletter.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes in one received record, in one transaction: applies it to the active read model, skips it as a
 * redelivery, or parks it in {@code dead_letter} (not a Groundbreak event: malformed; its predecessor not applied:
 * gap, naming the parked record it waits behind if there is one; next in sequence but its hash not intact or not
 * linked to the last applied event: hash-mismatch, prev-hash-mismatch). An exception (the database unavailable, or
 * anything else) rolls everything back and is the caller's to retry; {@link #parkFailed} parks what no retry fixed.
 */
@Component
public class Intake {

    private final FunnelProjection projection;
    private final DeadLetterStore store;
    private final ProjectLock locks;

    Intake(FunnelProjection projection, DeadLetterStore store, ProjectLock locks) {
        this.projection = projection;
        this.store = store;
        this.locks = locks;
    }

    @Transactional
    public IntakeResult offer(ReceivedRecord record) {
        EventEnvelope envelope;
        try {
            envelope = CloudEventHeaders.read(record.textHeaders(), record.value());
        } catch (MalformedEventException e) {
            return parkUnreadable(record, ParkReason.MALFORMED, e.getMessage(), 1);
        }
        UUID projectId = envelope.subject().value();
        locks.lockAll(FunnelProjection.streamsOf(envelope));
        Outcome outcome = projection.applyLive(envelope);
        return switch (outcome) {
            case APPLIED -> new IntakeResult(IntakeResult.Kind.APPLIED, null, null, null, projectId, envelope.sequence(), null);
            case REDELIVERED -> new IntakeResult(IntakeResult.Kind.REDELIVERED, null, null, null, projectId,
                    envelope.sequence(), null);
            case GAP, HASH_MISMATCH, PREV_HASH_MISMATCH, SEQUENCE_TAKEN -> {
                ParkReason reason = ParkReason.of(outcome);
                String detail = detail(reason, envelope);
                long id = store.park(record, reason, detail, projectId, envelope.sequence(), envelope.id(), 1);
                yield new IntakeResult(IntakeResult.Kind.PARKED, id, reason, detail, projectId, envelope.sequence(),
                        status(id));
            }
        };
    }

    /**
     * A poll's records in one transaction, when every one of them is applied or skipped as a redelivery: the round
     * trips and the commit of one record for all of them. A record that is malformed or would be parked throws
     * {@link TakeInOneAtATime} before anything is written, and the transaction rolls back: the caller then offers
     * each record on its own ({@link #offer}), which parks exactly what it would have parked had they come one by one.
     */
    @Transactional
    public List<IntakeResult> offerAll(List<ReceivedRecord> records) {
        List<EventEnvelope> envelopes = new ArrayList<>(records.size());
        for (ReceivedRecord record : records) {
            try {
                envelopes.add(CloudEventHeaders.read(record.textHeaders(), record.value()));
            } catch (MalformedEventException e) {
                throw new TakeInOneAtATime("record " + record.partition() + "-" + record.offset() + " is malformed");
            }
        }
        locks.lockAll(envelopes.stream().flatMap(envelope -> FunnelProjection.streamsOf(envelope).stream()).toList());
        List<Outcome> outcomes = projection.applyLive(envelopes);
        List<IntakeResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            IntakeResult.Kind kind = switch (outcomes.get(i)) {
                case APPLIED -> IntakeResult.Kind.APPLIED;
                case REDELIVERED -> IntakeResult.Kind.REDELIVERED;
                default -> throw new TakeInOneAtATime("event " + envelope.sequence() + " of project "
                        + envelope.subject().value() + " is " + outcomes.get(i));
            };
            results.add(new IntakeResult(kind, null, null, null, envelope.subject().value(), envelope.sequence(), null));
        }
        return results;
    }

    /** Parks a record that failed {@code attempts} times for a reason other than the database being unavailable. */
    @Transactional
    public IntakeResult parkFailed(ReceivedRecord record, String detail, int attempts) {
        return parkUnreadable(record, ParkReason.FAILED, detail, attempts);
    }

    /** Why the event is refused, in words. */
    String detail(ParkReason reason, EventEnvelope envelope) {
        return switch (reason) {
            case GAP -> gapDetail(envelope.subject().value(), envelope.sequence());
            case HASH_MISMATCH -> "event " + envelope.sequence() + ": its hash " + envelope.hash()
                    + " is not the one its fields give";
            case PREV_HASH_MISMATCH -> "event " + envelope.sequence() + ": its prevHash " + envelope.prevHash()
                    + " is not the hash of the project's last applied event";
            case SEQUENCE_TAKEN -> "event " + envelope.sequence() + " (hash " + envelope.hash()
                    + "): the read model holds another event at this sequence";
            default -> reason.code();
        };
    }

    /** Why an event whose predecessor is not applied waits. */
    String gapDetail(UUID projectId, long sequence) {
        return store.outstandingBefore(projectId, sequence)
                .map(blocker -> "event " + sequence + " waits behind parked record " + blocker.id() + " (sequence "
                        + blocker.sequence() + ", " + blocker.reason() + ")")
                .orElse("event " + sequence + " arrived before its predecessor " + (sequence - 1) + " was applied");
    }

    private IntakeResult parkUnreadable(ReceivedRecord record, ParkReason reason, String detail, int attempts) {
        Map<String, String> headers = record.textHeaders();
        Optional<UUID> projectId = record.projectId(CloudEventHeaders.SUBJECT);
        Long sequence = ReceivedRecord.number(headers.get(CloudEventHeaders.SEQUENCE)).orElse(null);
        UUID eventId = ReceivedRecord.uuid(headers.get(CloudEventHeaders.ID)).orElse(null);
        long id = store.park(record, reason, detail, projectId.orElse(null), sequence, eventId, attempts);
        return new IntakeResult(IntakeResult.Kind.PARKED, id, reason, detail, projectId.orElse(null), sequence, status(id));
    }

    private String status(long deadLetterId) {
        return store.find(deadLetterId).map(DeadLetter::status).orElse(DeadLetter.PARKED);
    }
}
