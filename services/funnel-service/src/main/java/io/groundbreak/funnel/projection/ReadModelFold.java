package io.groundbreak.funnel.projection;

import io.groundbreak.events.EventEnvelope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A rebuild's read models in memory: projects' rows folded from nothing, event by event, by the same
 * {@link ProjectRows#judge} and {@link ProjectRows#apply} as the live consumer's batches, then written in chunks
 * ({@link FunnelProjection#writeFolded}): rows per project, not per event. At most {@code capacity} projects are held;
 * when full, the least recently touched half is written ({@link FunnelProjection#writeFoldedHalf}) and remembered
 * as written: their later events must go through the live projection, which loads their rows from the tables
 * ({@link #wrote}). So memory is bounded by {@code capacity} projects' rows plus an id per written project. Not
 * thread-safe: one thread folds.
 */
public final class ReadModelFold {

    private final int capacity;
    /** In access order: the first entries are the least recently touched. */
    private final LinkedHashMap<UUID, ProjectRows> projects;
    private final Set<UUID> written = new HashSet<>();
    private long applied;

    public ReadModelFold(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a fold holds at least 2 projects, not " + capacity);
        }
        this.capacity = capacity;
        this.projects = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true);
    }

    /**
     * True when the event's project (or, for a pair's decision, one of its streams) was handed over already: the event
     * is not the fold's to judge.
     */
    public boolean wrote(EventEnvelope envelope) {
        if (written.isEmpty()) {
            return false;
        }
        for (UUID stream : FunnelProjection.streamsOf(envelope)) {
            if (written.contains(stream)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a pair's decision (DuplicateDecided): it changes two projects besides its own stream, so it is not
     * folded; the rebuild hands the three over ({@link FunnelProjection#writeFoldedOf}) and applies it through the live
     * projection, which loads all three. Decisions are few: the slower way costs nothing worth holding them for.
     */
    public static boolean handsOver(EventEnvelope envelope) {
        return FunnelProjection.streamsOf(envelope).size() > 1;
    }

    /**
     * The event's outcome, its project's rows changed if {@link Outcome#APPLIED}; not for an event of a project the
     * fold {@link #wrote}.
     *
     * @throws RefusedByTables when it is the project's next event but the tables would refuse its change (its project's
     *                         later events are then gaps, as live)
     */
    public Outcome offer(EventEnvelope envelope) {
        UUID id = envelope.subject().value();
        ProjectRows project = projects.get(id);
        if (project == null) {
            project = new ProjectRows(id, ProjectRows.NOTHING_APPLIED, null, null, Map.of(), Set.of());
            projects.put(id, project);
        }
        Outcome outcome = project.judge(envelope);
        if (outcome == Outcome.APPLIED) {
            String refusal = project.refusal(envelope.data());
            if (refusal != null) {
                throw new RefusedByTables(envelope, refusal);
            }
            project.apply(envelope);
            applied++;
        }
        return outcome;
    }

    /** True when the fold holds as many projects as it may: time to {@link #evictLeastRecent}. */
    public boolean isFull() {
        return projects.size() >= capacity;
    }

    /** The least recently touched half of the projects held, no longer held and remembered as written. */
    List<ProjectRows> evictLeastRecent() {
        return evict(projects.size() - capacity / 2);
    }

    /** The streams' rows that are held, no longer held; every one of the streams remembered as written. */
    List<ProjectRows> evict(Collection<UUID> streams) {
        List<ProjectRows> evicted = new ArrayList<>();
        for (UUID stream : streams) {
            ProjectRows rows = projects.remove(stream);
            if (rows != null) {
                evicted.add(rows);
            }
            written.add(stream);
        }
        return evicted;
    }

    /** Every project held, no longer held: the fold's end. */
    List<ProjectRows> evictAll() {
        return evict(projects.size());
    }

    private List<ProjectRows> evict(int count) {
        List<ProjectRows> evicted = new ArrayList<>(count);
        Iterator<ProjectRows> eldest = projects.values().iterator();
        while (evicted.size() < count) {
            ProjectRows rows = eldest.next();
            eldest.remove();
            written.add(rows.projectId);
            evicted.add(rows);
        }
        return evicted;
    }

    /** Events applied so far. */
    public long applied() {
        return applied;
    }
}
