package io.groundbreak.audit.funnel.replay;

import io.groundbreak.events.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pairs' decisions (schema 1.3), each pair's in sequence order: which projects are duplicates as known at an
 * instant. A project is a duplicate when it is the non-primary of a pair whose latest decision recorded by then is
 * {@code same}; it then leaves every figure (the primary is counted, under its own district). A later decision on the
 * pair replaces the earlier ones, so a reversal restores the project.
 */
public final class DuplicateDecisions {

    private final Map<ProjectId, List<DuplicateDecision>> byPair = new HashMap<>();
    private final Map<UUID, List<DuplicateDecision>> byProject = new HashMap<>();

    /** Each pair's decisions must come in sequence order (they are recorded in it). */
    public void add(DuplicateDecision decision) {
        byPair.computeIfAbsent(decision.decided().pairId(), pair -> new ArrayList<>()).add(decision);
        byProject.computeIfAbsent(decision.decided().firstProjectId().value(), id -> new ArrayList<>()).add(decision);
        byProject.computeIfAbsent(decision.decided().secondProjectId().value(), id -> new ArrayList<>()).add(decision);
    }

    /** The duplicates as known at the instant. */
    public Set<UUID> duplicatesAt(Instant knownAt) {
        Set<UUID> duplicates = new HashSet<>();
        for (List<DuplicateDecision> pair : byPair.values()) {
            latest(pair, knownAt).flatMap(decision -> decision.decided().duplicate())
                    .ifPresent(duplicate -> duplicates.add(duplicate.value()));
        }
        return duplicates;
    }

    public boolean isDuplicateAt(UUID projectId, Instant knownAt) {
        for (DuplicateDecision decision : byProject.getOrDefault(projectId, List.of())) {
            if (latest(byPair.get(decision.decided().pairId()), knownAt)
                    .flatMap(latest -> latest.decided().duplicate())
                    .filter(duplicate -> duplicate.value().equals(projectId)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Every decision naming the project recorded after {@code after} and up to {@code until}, in the order recorded. */
    public List<DuplicateDecision> naming(UUID projectId, Instant after, Instant until) {
        return byProject.getOrDefault(projectId, List.of()).stream()
                .filter(decision -> decision.recordedAt().isAfter(after) && !decision.recordedAt().isAfter(until))
                .sorted(Comparator.comparing(DuplicateDecision::recordedAt))
                .toList();
    }

    private static Optional<DuplicateDecision> latest(List<DuplicateDecision> pair, Instant knownAt) {
        DuplicateDecision latest = null;
        for (DuplicateDecision decision : pair) {
            if (!decision.recordedAt().isAfter(knownAt)) {
                latest = decision;
            }
        }
        return Optional.ofNullable(latest);
    }
}
