package io.groundbreak.audit.funnel.replay;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every stream's events as known at an instant, each stream's in sequence order: the projects folded into their
 * states, the pairs' decisions kept, so that the projects counted leave out the duplicates known by then. Other
 * streams (a year's targets) fold into a state that is never registered and so counts for nothing.
 */
public final class KnownProjects {

    private final Map<UUID, ProjectState> projects = new HashMap<>();
    private final DuplicateDecisions decisions = new DuplicateDecisions();

    public void apply(EventEnvelope event) {
        if (event.data() instanceof DuplicateDecided) {
            decisions.add(DuplicateDecision.of(event));
        } else {
            projects.computeIfAbsent(event.subject().value(), id -> new ProjectState()).apply(event.data());
        }
    }

    /** The projects a figure as known at the instant counts: every one but the duplicates known by then. */
    public Collection<ProjectState> counted(Instant knownAt) {
        Set<UUID> duplicates = decisions.duplicatesAt(knownAt);
        return projects.entrySet().stream().filter(project -> !duplicates.contains(project.getKey()))
                .map(Map.Entry::getValue).toList();
    }
}
