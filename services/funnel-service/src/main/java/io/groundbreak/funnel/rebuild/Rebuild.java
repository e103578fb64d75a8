package io.groundbreak.funnel.rebuild;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.funnel.deadletter.DeadLetterStore;
import io.groundbreak.funnel.projection.DeferredFunnelDeltas;
import io.groundbreak.funnel.projection.FunnelProjection;
import io.groundbreak.funnel.projection.Outcome;
import io.groundbreak.funnel.projection.ReadModelFold;
import io.groundbreak.funnel.projection.RefusedByTables;
import io.groundbreak.funnel.readmodel.ReadModels;
import io.groundbreak.kit.database.DatabaseOutages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blue/green rebuild: empties the inactive read-model set, replays the whole topic into it with a
 * consumer of its own while the live consumer keeps the active set current, and, once caught up,
 * switches in one step. Up to the topic's end offsets at the start, the events are folded per project in memory
 * ({@link ReadModelFold}, the live projection's own judgement and changes) and the final rows written with COPY; a
 * full fold writes its least recently touched half early, and their projects' later events, like what arrives after
 * the fold, go through the live projection's batches. The switch holds back the live consumer (it waits on read_model), reads what
 * arrived meanwhile up to the end offsets of that moment, and flips read_model.active in the same
 * transaction; the live consumer then continues on the new set, where whatever the rebuild already
 * applied is a redelivery. Before the switch, the events of the dead letters admins reprocessed are offered
 * again (a redelivery if the topic's order let them in already), so a rebuild keeps what was released; records
 * still parked are read like any other (applied if their turn comes in the topic's order, else skipped: they stay
 * outstanding until reprocessed, which then finds them applied, or discarded).
 */
@Component
public class Rebuild {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    /** One rebuild at a time across every instance sharing the database (a session advisory lock). */
    private static final long ADVISORY_LOCK = 0x67726f756e64L;
    /** Events of projects the fold wrote already, applied together (a poll's worth, as the catch-up's batches). */
    private static final int BATCH = 1000;

    private final ReadModels readModels;
    private final DeadLetterStore deadLetters;
    private final FunnelProjection projection;
    private final TopicReplay replay;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final Clock clock;
    private final int foldProjects;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<RebuildReport> last = new AtomicReference<>();

    Rebuild(ReadModels readModels, FunnelProjection projection, TopicReplay replay, TransactionTemplate transactions,
            DataSource dataSource, Clock clock, DeadLetterStore deadLetters,
            @Value("${groundbreak.funnel.rebuild.fold-projects:10000}") int foldProjects) {
        this.readModels = readModels;
        this.deadLetters = deadLetters;
        this.projection = projection;
        this.replay = replay;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.clock = clock;
        this.foldProjects = foldProjects;
    }

    public RebuildStatus status() {
        return new RebuildStatus(transactions.execute(status -> readModels.useActive()), running.get(), last.get());
    }

    /** Starts a rebuild in the background. */
    public RebuildStatus start() {
        if (!running.compareAndSet(false, true)) {
            throw new RebuildRunning();
        }
        Thread worker = new Thread(this::runGuarded, "funnel-rebuild");
        worker.start();
        return status();
    }

    /** Rebuilds now, in this thread (the rebuild command). */
    public RebuildReport runNow() {
        if (!running.compareAndSet(false, true)) {
            throw new RebuildRunning();
        }
        return runGuarded();
    }

    private RebuildReport runGuarded() {
        Instant startedAt = clock.instant();
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder)) {
                throw new RebuildRunning();
            }
            try {
                return finished(run(startedAt));
            } finally {
                // the lock belongs to the pooled connection's session, which outlives this rebuild
                unlock(lockHolder);
            }
        } catch (RuntimeException | SQLException e) {
            log.error("Rebuild of the funnel read models failed", e);
            return finished(new RebuildReport(null, startedAt, clock.instant(), 0, 0, 0, 0, 0, 0, 0, 0, e.toString()));
        } finally {
            running.set(false);
        }
    }

    private RebuildReport run(Instant startedAt) {
        String target = ReadModels.other(transactions.execute(status -> readModels.useActive()));
        log.info("Rebuilding the funnel read models into {} from the start of the topic", target);
        transactions.executeWithoutResult(status -> readModels.empty(target));
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        AtomicLong failed = new AtomicLong();
        DeferredFunnelDeltas deferred = new DeferredFunnelDeltas();
        long folded;
        try (TopicReplay.Session session = replay.open()) {
            // the topic up to its end as it was at the start, folded per project in memory and written with COPY
            ReadModelFold fold = new ReadModelFold(foldProjects);
            List<EventEnvelope> ofWritten = new ArrayList<>();
            session.readToEnd(batch -> {
                for (EventEnvelope envelope : batch) {
                    if (fold.wrote(envelope)) {
                        ofWritten.add(envelope);
                    } else if (ReadModelFold.handsOver(envelope)) {
                        // a pair's decision changes two projects: their rows and the pair's go to the live path first
                        projection.writeFoldedOf(target, fold, FunnelProjection.streamsOf(envelope), deferred);
                        ofWritten.add(envelope);
                    } else {
                        fold(fold, envelope, outcomes, failed);
                        if (fold.isFull()) {
                            projection.writeFoldedHalf(target, fold, deferred);
                        }
                    }
                }
                // the later events of projects already written: through the live projection, which loads their rows
                if (ofWritten.size() >= BATCH) {
                    applyBatch(target, ofWritten, outcomes, deferred, failed);
                    ofWritten.clear();
                }
                if (deferred.isFull()) {
                    projection.writeDeferred(target, deferred);
                }
            });
            projection.writeFolded(target, fold, deferred);
            if (!ofWritten.isEmpty()) {
                applyBatch(target, ofWritten, outcomes, deferred, failed);
            }
            folded = fold.applied();
            // what arrived meanwhile, through the live path, so that the live consumer is held back only for the rest
            session.readToEnd(batch -> {
                applyBatch(target, batch, outcomes, deferred, failed);
                if (deferred.isFull()) {
                    projection.writeDeferred(target, deferred);
                }
            });
            projection.writeDeferred(target, deferred);
            transactions.executeWithoutResult(status -> {
                String active = readModels.lockForSwitch();
                if (!active.equals(ReadModels.other(target))) {
                    throw new IllegalStateException("the read models were switched to " + active + " meanwhile");
                }
                session.readToEnd(batch -> projection.applyAll(target, batch, outcomes, deferred));
                // what admins released from the dead letters stays in the view, whatever the topic's order
                List<EventEnvelope> released = deadLetters.reprocessedEvents();
                if (!released.isEmpty()) {
                    projection.applyAll(target, released, outcomes, deferred);
                }
                projection.writeDeferred(target, deferred);
                readModels.activate(target);
            });
            RebuildReport report = new RebuildReport(target, startedAt, clock.instant(), session.recordsRead(),
                    outcomes.getOrDefault(Outcome.APPLIED, 0L), outcomes.getOrDefault(Outcome.REDELIVERED, 0L),
                    outcomes.getOrDefault(Outcome.GAP, 0L),
                    outcomes.getOrDefault(Outcome.HASH_MISMATCH, 0L) + outcomes.getOrDefault(Outcome.PREV_HASH_MISMATCH, 0L)
                            + outcomes.getOrDefault(Outcome.SEQUENCE_TAKEN, 0L),
                    session.malformed(), failed.get(), folded, null);
            log.info("Switched the funnel read models to {}: {}", target, report);
            return report;
        }
    }

    /** One event into the fold; one that cannot be applied is skipped and counted, as {@link #applyBatch} does. */
    private static void fold(ReadModelFold fold, EventEnvelope envelope, Map<Outcome, Long> outcomes, AtomicLong failed) {
        try {
            outcomes.merge(fold.offer(envelope), 1L, Long::sum);
        } catch (RefusedByTables e) {
            skip(envelope, e, failed);
        }
    }

    /**
     * A batch in one transaction; if it fails for another reason than the database being unavailable, its events
     * one by one, each failing one skipped and counted (its project's later events are then gaps, as live).
     */
    private void applyBatch(String target, List<EventEnvelope> batch, Map<Outcome, Long> outcomes,
                            DeferredFunnelDeltas deferred, AtomicLong failed) {
        try {
            projection.applyAll(target, batch, outcomes, deferred);
        } catch (RuntimeException e) {
            if (DatabaseOutages.isRetryable(e) || batch.size() == 1) {
                if (batch.size() == 1 && !DatabaseOutages.isRetryable(e)) {
                    skip(batch.get(0), e, failed);
                    return;
                }
                throw e;
            }
            for (EventEnvelope envelope : batch) {
                try {
                    projection.applyAll(target, List.of(envelope), outcomes, deferred);
                } catch (RuntimeException single) {
                    if (DatabaseOutages.isRetryable(single)) {
                        throw single;
                    }
                    skip(envelope, single, failed);
                }
            }
        }
    }

    private static void skip(EventEnvelope envelope, RuntimeException failure, AtomicLong failed) {
        failed.incrementAndGet();
        log.warn("Rebuild skipped event {} of project {} (sequence {}), which cannot be applied: {}", envelope.id(),
                envelope.subject(), envelope.sequence(), failure.toString());
    }

    private RebuildReport finished(RebuildReport report) {
        last.set(report);
        return report;
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, ADVISORY_LOCK);
            statement.execute();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, ADVISORY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
