package io.groundbreak.funnel.deadletter;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import io.groundbreak.funnel.projection.FunnelProjection;
import io.groundbreak.funnel.projection.Outcome;
import io.groundbreak.kit.database.DatabaseOutages;
import io.groundbreak.kit.deadletter.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What admins do with parked records. A reprocess reads the record as it was received and offers it to the same
 * projection as the live consumer, into the active read model: applied, or already applied (a redelivery), both
 * settle it ({@code reprocessed}); otherwise it stays parked with one more attempt. After a record goes in, the
 * project's later parked records are released in sequence order until one stays parked. A discard settles a
 * record without applying it. Every operation is recorded in {@code dead_letter_operation}, one row per record
 * it touched. The database being unavailable is thrown to the caller (nothing recorded): it can be retried. A
 * transaction that lost a race is tried again here, as the live consumer does.
 */
@Component
public class DeadLetterOperations {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);
    static final String REPROCESS = "reprocess";
    static final String DISCARD = "discard";

    private final DeadLetterStore store;
    private final FunnelProjection projection;
    private final ProjectLock locks;
    private final Intake intake;
    private final TransactionTemplate transactions;
    private final DatabaseWait databaseWait;

    DeadLetterOperations(DeadLetterStore store, FunnelProjection projection, ProjectLock locks, Intake intake,
                         TransactionTemplate transactions, DatabaseWait databaseWait) {
        this.store = store;
        this.projection = projection;
        this.locks = locks;
        this.intake = intake;
        this.transactions = transactions;
        this.databaseWait = databaseWait;
    }

    public List<DeadLetter> list(boolean outstandingOnly) {
        return transactions.execute(status -> store.list(outstandingOnly));
    }

    public List<DeadLetterOperation> operations() {
        return transactions.execute(status -> store.operations());
    }

    public long outstanding() {
        return transactions.execute(status -> store.outstandingCount());
    }

    /** 404 unknown, 409 discarded; a record reprocessed already answers so again (idempotent). */
    public ReprocessResult reprocess(long id, String by) {
        DeadLetter deadLetter = transactions.execute(status -> store.find(id)).orElseThrow(() -> new UnknownDeadLetter(id));
        if (DeadLetter.DISCARDED.equals(deadLetter.status())) {
            throw new DeadLetterClosed(id, deadLetter.status());
        }
        ReprocessResult result = attempt(deadLetter, by, null);
        if (DeadLetter.REPROCESSED.equals(result.status()) && deadLetter.projectId() != null
                && deadLetter.sequence() != null) {
            releaseAfter(deadLetter.projectId(), deadLetter.sequence(), by, id);
        }
        return result;
    }

    /** Every outstanding record of the project, in sequence order (those without a sequence last). */
    public ProjectReprocessResult reprocessProject(UUID projectId, String by) {
        List<DeadLetter> outstanding = transactions.execute(status -> store.outstandingOf(projectId));
        if (outstanding.isEmpty()) {
            transactions.executeWithoutResult(status ->
                    store.recordOperation(null, projectId, REPROCESS, by, null, "nothing outstanding"));
            return new ProjectReprocessResult(projectId, 0, 0);
        }
        int reprocessed = 0;
        boolean blocked = false;
        for (DeadLetter deadLetter : outstanding) {
            if (blocked && deadLetter.sequence() != null) {
                continue; // waits behind the one that stayed parked
            }
            ReprocessResult result = attempt(deadLetter, by, "project " + projectId);
            if (DeadLetter.REPROCESSED.equals(result.status())) {
                reprocessed++;
            } else if (deadLetter.sequence() != null) {
                blocked = true;
            }
        }
        int stillParked = transactions.execute(status -> store.outstandingOf(projectId)).size();
        return new ProjectReprocessResult(projectId, reprocessed, stillParked);
    }

    /** 404 unknown, 409 unless parked. */
    public DeadLetter discard(long id, String by, String reason) {
        return transactions.execute(status -> {
            DeadLetter deadLetter = store.lock(id).orElseThrow(() -> new UnknownDeadLetter(id));
            if (!deadLetter.outstanding()) {
                throw new DeadLetterClosed(id, deadLetter.status());
            }
            store.resolve(id, DeadLetter.DISCARDED);
            store.recordOperation(id, deadLetter.projectId(), DISCARD, by, reason, "discarded");
            log.warn("Dead letter {} (project {}, sequence {}, {}) discarded by {}: {}", id, deadLetter.projectId(),
                    deadLetter.sequence(), deadLetter.reason(), by, reason);
            return store.find(id).orElseThrow();
        });
    }

    private void releaseAfter(UUID projectId, long sequence, String by, long releasedBy) {
        for (DeadLetter later : transactions.execute(status -> store.outstandingOf(projectId))) {
            if (later.sequence() == null || later.sequence() <= sequence) {
                continue;
            }
            ReprocessResult result = attempt(later, by, "released after dead letter " + releasedBy);
            if (!DeadLetter.REPROCESSED.equals(result.status())) {
                return;
            }
        }
    }

    /**
     * One record offered again, in its own transaction; a failure of the record itself is recorded as an attempt. A
     * transaction that lost a race (a deadlock with the live consumer, say) is tried again as the consumer tries its
     * own ({@link DatabaseWait}): never a failed attempt, never a 5xx. An outage is thrown: the request answers 503.
     */
    private ReprocessResult attempt(DeadLetter deadLetter, String by, String context) {
        long id = deadLetter.id();
        String prefix = context == null ? "" : context + ": ";
        try {
            return databaseWait.untilThrough(() -> transactions.execute(status -> offerAgain(deadLetter, by, prefix)),
                    DeadLetterOperations::lostRace);
        } catch (RuntimeException e) {
            if (DatabaseOutages.isRetryable(e) || e instanceof UnknownDeadLetter) {
                throw e;
            }
            String detail = "failed again: " + DatabaseWait.root(e);
            return databaseWait.untilThrough(() -> transactions.execute(status -> {
                store.failedAgain(id, ParkReason.FAILED, detail);
                store.recordOperation(id, deadLetter.projectId(), REPROCESS, by, null, prefix + detail);
                return new ReprocessResult(id, DeadLetter.PARKED, prefix + detail);
            }), DeadLetterOperations::lostRace);
        }
    }

    /**
     * Takes the locks as the live intake does ({@link Intake#offer}): every stream the event changes (a pair's
     * decision: the pair and its two projects) in one call, in one order, and only then the dead letter's row. Taking
     * the record's own project first, as this once did, could deadlock with a live poll holding the pair's projects.
     */
    private ReprocessResult offerAgain(DeadLetter deadLetter, String by, String prefix) {
        long id = deadLetter.id();
        ReceivedRecord record = store.record(id);
        EventEnvelope envelope = null;
        String malformed = null;
        try {
            envelope = CloudEventHeaders.read(record.textHeaders(), record.value());
        } catch (MalformedEventException e) {
            malformed = e.getMessage();
        }
        List<UUID> streams = new ArrayList<>(envelope == null ? List.of() : FunnelProjection.streamsOf(envelope));
        if (deadLetter.projectId() != null) {
            streams.add(deadLetter.projectId());
        }
        locks.lockAll(streams);
        DeadLetter current = store.lock(id).orElseThrow(() -> new UnknownDeadLetter(id));
        if (!current.outstanding()) {
            String outcome = prefix + "already " + current.status();
            store.recordOperation(id, current.projectId(), REPROCESS, by, null, outcome);
            return new ReprocessResult(id, current.status(), outcome);
        }
        if (envelope == null) {
            return stillParked(current, ParkReason.MALFORMED, malformed, by, prefix);
        }
        Outcome outcome = projection.applyLive(envelope);
        if (!outcome.settled()) {
            ParkReason reason = ParkReason.of(outcome);
            return stillParked(current, reason, intake.detail(reason, envelope), by, prefix);
        }
        store.resolve(id, DeadLetter.REPROCESSED);
        String text = prefix + (outcome == Outcome.APPLIED ? "applied" : "already applied (redelivered)");
        store.recordOperation(id, current.projectId(), REPROCESS, by, null, text);
        log.info("Dead letter {} (project {}, sequence {}) reprocessed by {}: {}", id, current.projectId(),
                current.sequence(), by, text);
        return new ReprocessResult(id, DeadLetter.REPROCESSED, text);
    }

    /** A deadlock or serialization failure: retryable, and not an outage. */
    private static boolean lostRace(Throwable failure) {
        return DatabaseOutages.isRetryable(failure) && !DatabaseOutages.isOutage(failure);
    }

    private ReprocessResult stillParked(DeadLetter current, ParkReason reason, String detail, String by, String prefix) {
        store.failedAgain(current.id(), reason, detail);
        String outcome = prefix + "still parked (" + reason.code() + "): " + detail;
        store.recordOperation(current.id(), current.projectId(), REPROCESS, by, null, outcome);
        return new ReprocessResult(current.id(), DeadLetter.PARKED, outcome);
    }
}
