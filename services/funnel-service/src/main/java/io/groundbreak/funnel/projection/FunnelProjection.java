package io.groundbreak.funnel.projection;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import io.groundbreak.funnel.readmodel.ReadModels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each project's events exactly once and in order to a set of read-model tables: the
 * project's last applied sequence (and hash) moves in the same transaction as the change, so a redelivery is a
 * no-op and an event whose predecessor is missing is refused; so is the next event if its own hash is not intact
 * or it does not link to the last applied one's hash (a record that is not what milestone-service sealed).
 * <p>
 * Events are applied in batches (the live consumer's batch is a poll, or one event when a poll is taken in one at a
 * time, a rebuild's a whole poll): the rows
 * of the batch's projects are read once, every event changes them in memory in order, and what changed is
 * written back once ({@link ReadModelRows}). The outcome of each event is what it would have been one by
 * one; the round trips to PostgreSQL are those of one event per batch instead of per event.
 */
@Component
public class FunnelProjection {

    private final ReadModels readModels;
    private final ReadModelRows rows;
    private final FunnelDeltas deltas;
    private final ReadModelCopy copy;

    FunnelProjection(ReadModels readModels, ReadModelRows rows, FunnelDeltas deltas, ReadModelCopy copy) {
        this.readModels = readModels;
        this.rows = rows;
        this.deltas = deltas;
        this.copy = copy;
    }

    /** Into the active set; a switch to a rebuilt set waits for this transaction. */
    @Transactional
    public Outcome applyLive(EventEnvelope envelope) {
        return applyLive(List.of(envelope)).get(0);
    }

    /** A live poll's events into the active set, in order, in one transaction; the outcome of each. */
    @Transactional
    public List<Outcome> applyLive(List<EventEnvelope> envelopes) {
        readModels.useActiveUntilCommit();
        return apply(envelopes, null);
    }

    /** Into the given set, in one transaction (the caller's, if there is one). */
    @Transactional
    public void applyAll(String schema, List<EventEnvelope> envelopes, Map<Outcome, Long> outcomes) {
        applyAll(schema, envelopes, outcomes, null);
    }

    /**
     * Into the given set, in one transaction (the caller's, if there is one), funnel_delta's changes held back
     * in {@code deferred} (when not null) until {@link #writeDeferred}: for a set nobody reads yet.
     */
    @Transactional
    public void applyAll(String schema, List<EventEnvelope> envelopes, Map<Outcome, Long> outcomes,
                         DeferredFunnelDeltas deferred) {
        readModels.use(schema);
        for (Outcome outcome : apply(envelopes, deferred)) {
            outcomes.merge(outcome, 1L, Long::sum);
        }
    }

    /**
     * Writes every project a rebuild's fold holds into the given set with COPY (the set was emptied, and the fold
     * writes each project once); their funnel_delta changes go to {@code deferred}.
     */
    @Transactional
    public void writeFolded(String schema, ReadModelFold fold, DeferredFunnelDeltas deferred) {
        readModels.use(schema);
        copy.write(fold.evictAll(), deferred);
    }

    /**
     * As {@link #writeFolded}, the given streams' rows only (those the fold holds): a pair's decision is about to go
     * through the live projection ({@link ReadModelFold#handsOver}).
     */
    @Transactional
    public void writeFoldedOf(String schema, ReadModelFold fold, Collection<UUID> streams, DeferredFunnelDeltas deferred) {
        readModels.use(schema);
        copy.write(fold.evict(streams), deferred);
    }

    /** As {@link #writeFolded}, the least recently touched half of the projects only: the fold is full. */
    @Transactional
    public void writeFoldedHalf(String schema, ReadModelFold fold, DeferredFunnelDeltas deferred) {
        readModels.use(schema);
        copy.write(fold.evictLeastRecent(), deferred);
    }

    /**
     * Writes the held-back funnel_delta changes into the given set: the first time with COPY (a rebuild's set starts
     * empty and only this writes its funnel_delta), then adding to the rows there.
     */
    @Transactional
    public void writeDeferred(String schema, DeferredFunnelDeltas deferred) {
        readModels.use(schema);
        boolean first = !deferred.drainedBefore();
        Map<FunnelPosition, Change> changes = deferred.drain();
        if (first) {
            copy.writeFunnel(changes);
        } else {
            deltas.add(changes);
        }
    }

    /**
     * The streams whose rows the event changes: its subject's, and for a pair's decision (DuplicateDecided) also its two
     * projects', which it makes a duplicate or no longer one. A writer locks them all (the projects' own events may be
     * taken in on another partition at the same time).
     */
    public static List<UUID> streamsOf(EventEnvelope envelope) {
        if (envelope.data() instanceof DuplicateDecided decided) {
            return List.of(envelope.subject().value(), decided.firstProjectId().value(), decided.secondProjectId().value());
        }
        return List.of(envelope.subject().value());
    }

    /** Each event's outcome, in the order given; every project's events must come in topic order. */
    private List<Outcome> apply(List<EventEnvelope> envelopes, DeferredFunnelDeltas deferred) {
        Set<UUID> projectIds = new LinkedHashSet<>();
        envelopes.forEach(envelope -> projectIds.addAll(streamsOf(envelope)));
        Map<UUID, ProjectRows> projects = rows.load(projectIds);
        List<Outcome> outcomes = new ArrayList<>(envelopes.size());
        for (EventEnvelope envelope : envelopes) {
            ProjectRows project = projects.get(envelope.subject().value());
            Outcome outcome = project.judge(envelope);
            if (outcome == Outcome.APPLIED) {
                project.apply(envelope);
                if (envelope.data() instanceof DuplicateDecided decided) {
                    for (ProjectId member : List.of(decided.firstProjectId(), decided.secondProjectId())) {
                        projects.get(member.value()).pairDecided(envelope.subject().value(),
                                decided.duplicate().filter(member::equals).isPresent());
                    }
                }
            }
            outcomes.add(outcome);
        }
        rows.write(projects.values(), deferred);
        return outcomes;
    }
}
