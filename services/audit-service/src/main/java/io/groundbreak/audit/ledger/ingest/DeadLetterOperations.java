package io.groundbreak.audit.ledger.ingest;

import io.groundbreak.audit.ledger.record.ReceivedRecord;
import io.groundbreak.kit.deadletter.DeadLetter;
import io.groundbreak.audit.ledger.store.DeadLetterOperation;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.ParkedEvents;
import io.groundbreak.audit.ledger.store.ParkedRecord;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import io.groundbreak.events.ProjectId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with parked records: reprocess one (it is judged again exactly as the consumer
 * judges a record; admitted, it releases the project's later parked events that extend it, in sequence
 * order), reprocess a project's outstanding ones in sequence order, or discard one with a reason. Every
 * operation is recorded (who, when, what, why, outcome); a refused one (unknown id, already closed) writes
 * nothing.
 */
@Component
public class DeadLetterOperations {

    public static final String REPROCESS = "reprocess";
    public static final String DISCARD = "discard";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

    private final ParkedEvents parked;
    private final EventIntake intake;
    private final LedgerIngest ingest;
    private final Ledger ledger;

    DeadLetterOperations(ParkedEvents parked, EventIntake intake, LedgerIngest ingest, Ledger ledger) {
        this.parked = parked;
        this.intake = intake;
        this.ingest = ingest;
        this.ledger = ledger;
    }

    public List<DeadLetter> list(boolean all) {
        return parked.list(all);
    }

    /** Outstanding dead letters (parked, neither reprocessed nor discarded), read from the table. */
    public long countOutstanding() {
        return parked.countOutstanding();
    }

    public List<DeadLetterOperation> operations() {
        return parked.operations();
    }

    /**
     * @throws UnknownDeadLetter   no such dead letter
     * @throws DeadLetterClosed    it was discarded
     * @throws DatabaseUnavailable the database cannot take it now
     */
    public ReprocessAnswer reprocess(long id, String by) {
        DeadLetter deadLetter = parked.find(id).orElseThrow(() -> new UnknownDeadLetter(id));
        if (DeadLetter.DISCARDED.equals(deadLetter.status())) {
            throw new DeadLetterClosed(id, deadLetter.status());
        }
        ReprocessAnswer answer = deadLetter.outstanding() ? reingest(id, by)
                : new ReprocessAnswer(id, DeadLetter.REPROCESSED, "already in the ledger");
        record(id, deadLetter.projectId(), REPROCESS, by, null, answer.status() + ": " + answer.outcome());
        return answer;
    }

    /** @throws DatabaseUnavailable the database cannot take it now */
    public ProjectReprocessAnswer reprocessProject(UUID projectId, String by) {
        int reprocessed = 0;
        int stillParked = 0;
        for (long id : parked.outstandingOf(projectId)) {
            DeadLetter current = parked.find(id).orElseThrow();
            if (!current.outstanding()) {
                // released by an earlier one of the project
                reprocessed += DeadLetter.REPROCESSED.equals(current.status()) ? 1 : 0;
                continue;
            }
            if (DeadLetter.REPROCESSED.equals(reingest(id, by).status())) {
                reprocessed++;
            } else {
                stillParked++;
            }
        }
        record(null, projectId, REPROCESS, by, null, "reprocessed " + reprocessed + ", still parked " + stillParked);
        return new ProjectReprocessAnswer(projectId, reprocessed, stillParked);
    }

    /**
     * @throws UnknownDeadLetter no such dead letter
     * @throws DeadLetterClosed  it was reprocessed or discarded already
     */
    @Transactional
    public DiscardAnswer discard(long id, String reason, String by) {
        DeadLetter deadLetter = parked.find(id).orElseThrow(() -> new UnknownDeadLetter(id));
        if (deadLetter.projectId() != null) {
            // not while the consumer or a reprocess is judging the project: it might be joining the ledger
            ledger.lockProject(new ProjectId(deadLetter.projectId()));
            deadLetter = parked.find(id).orElseThrow(() -> new UnknownDeadLetter(id));
        }
        if (!deadLetter.outstanding() || !parked.resolve(id, DeadLetter.DISCARDED, by)) {
            throw new DeadLetterClosed(id, parked.find(id).map(DeadLetter::status).orElse(deadLetter.status()));
        }
        log.warn("Dead letter {} (project {}, sequence {}) discarded by {}: {}", id, deadLetter.projectId(),
                deadLetter.sequence(), by, reason);
        record(id, deadLetter.projectId(), DISCARD, by, reason, DeadLetter.DISCARDED);
        return new DiscardAnswer(id, DeadLetter.DISCARDED);
    }

    /** Judges the parked record again, read exactly as the consumer read it. */
    private ReprocessAnswer reingest(long id, String by) {
        ParkedRecord record = parked.parkedRecord(id).orElseThrow(() -> new UnknownDeadLetter(id));
        ReceivedRecord received = record.received().orElse(null);
        IngestOutcome outcome;
        try {
            EventEnvelope envelope = received != null ? received.envelope()
                    : record.event().orElseThrow(() -> new MalformedEventException("nothing to read it from")).envelope();
            outcome = intake.judge(envelope, received, id, LedgerIngest.REPROCESS);
        } catch (MalformedEventException e) {
            outcome = received == null ? failedAgain(id, e.getMessage())
                    : ingest.parkRecord(received, id, "malformed", e.getMessage(), LedgerIngest.REPROCESS);
        } catch (RuntimeException e) {
            throw EventIntake.unavailableOr(e);
        }
        if (outcome.inLedger()) {
            parked.resolve(id, DeadLetter.REPROCESSED, by);
            return new ReprocessAnswer(id, DeadLetter.REPROCESSED, outcome.kind() == IngestOutcome.Kind.ADMITTED
                    ? "admitted to the ledger" : "the ledger holds this event already");
        }
        return new ReprocessAnswer(id, DeadLetter.PARKED, "still parked (" + outcome.reason() + "): " + outcome.detail());
    }

    private IngestOutcome failedAgain(long id, String detail) {
        parked.attempt(id, "malformed", detail, LedgerIngest.REPROCESS);
        return new IngestOutcome(IngestOutcome.Kind.PARKED, id, "malformed", detail);
    }

    private void record(Long id, UUID projectId, String action, String by, String reason, String outcome) {
        parked.recordOperation(id, projectId, action, by, reason, outcome);
    }
}
