package io.groundbreak.funnel.projection;

import io.groundbreak.events.EventEnvelope;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A rebuild's read models in memory: every project's rows folded from nothing, event by event, by the same
 * {@link ProjectRows#judge} and {@link ProjectRows#apply} as the live consumer's batches, then written once
 * ({@link FunnelProjection#writeFolded}): rows per project, not per event. Holds every project's final rows (about
 * a kilobyte each) until written. Not thread-safe: one thread folds.
 */
public final class ReadModelFold {

    private final Map<UUID, ProjectRows> projects = new HashMap<>();
    private long applied;

    /**
     * The event's outcome, its project's rows changed if {@link Outcome#APPLIED}.
     *
     * @throws RefusedByTables when it is the project's next event but the tables would refuse its change (its project's
     *                         later events are then gaps, as live)
     */
    public Outcome offer(EventEnvelope envelope) {
        UUID id = envelope.subject().value();
        ProjectRows project = projects.get(id);
        if (project == null) {
            project = new ProjectRows(id, ProjectRows.NOTHING_APPLIED, null, null, Map.of());
            projects.put(id, project);
        }
        Outcome outcome = project.judge(envelope);
        if (outcome == Outcome.APPLIED) {
            String refusal = project.refusal(envelope.data());
            if (refusal != null) {
                throw new RefusedByTables(envelope, refusal);
            }
            project.apply(envelope.sequence(), envelope.hash(), envelope.time(), envelope.data());
            applied++;
        }
        return outcome;
    }

    /** Events applied so far. */
    public long applied() {
        return applied;
    }

    Collection<ProjectRows> projects() {
        return projects.values();
    }
}
