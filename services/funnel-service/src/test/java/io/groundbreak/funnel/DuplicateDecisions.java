package io.groundbreak.funnel;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random decisions of the city on pairs of projects (DuplicateDecided, schema 1.3), each on its pair's stream, chained
 * as milestone-service seals them: one investment with either project primary, or two; some pairs decided again later
 * (a reversal, or the other primary), within a round or in a later one.
 */
final class DuplicateDecisions {

    private final Random random;
    private final Map<ProjectId, EventEnvelope> lastOfPair = new LinkedHashMap<>();
    private final Map<ProjectId, ProjectId[]> pairs = new LinkedHashMap<>();

    DuplicateDecisions(Random random) {
        this.random = random;
    }

    /**
     * Each pair stream's new decisions, in order: {@code count} decisions on random pairs of {@code projects} or on pairs
     * decided before.
     */
    List<List<EventEnvelope>> decide(List<UUID> projects, int count) {
        Map<ProjectId, List<EventEnvelope>> streams = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            ProjectId[] pair;
            if (!pairs.isEmpty() && random.nextInt(3) == 0) {
                pair = new ArrayList<>(pairs.values()).get(random.nextInt(pairs.size()));
            } else {
                ProjectId one = new ProjectId(projects.get(random.nextInt(projects.size())));
                ProjectId other = new ProjectId(projects.get(random.nextInt(projects.size())));
                if (one.equals(other)) {
                    continue;
                }
                ProjectId first = DuplicateDecided.first(one, other);
                pair = new ProjectId[] {first, first.equals(one) ? other : one};
            }
            ProjectId pairId = DuplicateDecided.pairOf(pair[0], pair[1]);
            pairs.put(pairId, pair);
            boolean same = random.nextInt(3) != 0;
            EventEnvelope last = lastOfPair.get(pairId);
            EventEnvelope next = HashChain.seal(UUID.randomUUID(), last == null ? 0 : last.sequence() + 1,
                    Instant.parse("2026-06-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000)), "admin",
                    last == null ? HashChain.GENESIS_PREV_HASH : last.hash(), EventEnvelope.CITY,
                    new DuplicateDecided(pairId, pair[0], pair[1], same, same ? pair[random.nextInt(2)] : null,
                            same ? "一个投资项目" : "两个项目"));
            lastOfPair.put(pairId, next);
            streams.computeIfAbsent(pairId, id -> new ArrayList<>()).add(next);
        }
        return new ArrayList<>(streams.values());
    }
}
