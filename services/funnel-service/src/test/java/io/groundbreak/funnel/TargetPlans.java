package io.groundbreak.funnel;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.TargetCell;
import io.groundbreak.events.TargetsSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random changes of the plan's targets (TargetsSet) on the years' plan streams, chained as milestone-service seals
 * them: a few cells each, some measures left out, some cells changed again later.
 */
final class TargetPlans {

    /** The years the histories' dates fall in (HistoryGenerator: 2019 on). */
    private static final int FIRST_YEAR = 2019;
    private static final int YEARS = 6;

    private final Random random;
    private final List<String> districts;
    private final List<String> chains;
    private final Map<Integer, EventEnvelope> lastOfYear = new HashMap<>();

    TargetPlans(Random random, List<String> districts, List<String> chains) {
        this.random = random;
        this.districts = districts;
        this.chains = chains;
    }

    /** One to {@code 1 + more} TargetsSet events, each the next of its year's stream. */
    EventEnvelope[] change(int more) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i <= more; i++) {
            int year = FIRST_YEAR + random.nextInt(YEARS);
            List<TargetCell> cells = new ArrayList<>();
            List<String> taken = new ArrayList<>();
            for (int c = 1 + random.nextInt(6); c > 0; c--) {
                String district = districts.get(random.nextInt(districts.size()));
                String chain = chains.get(random.nextInt(chains.size()));
                if (!taken.contains(district + chain)) {
                    taken.add(district + chain);
                    cells.add(new TargetCell(district, chain, count(), count(), count(), count(), amount(), amount()));
                }
            }
            EventEnvelope last = lastOfYear.get(year);
            EventEnvelope next = HashChain.seal(UUID.randomUUID(), last == null ? 0 : last.sequence() + 1,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000)), "admin",
                    last == null ? HashChain.GENESIS_PREV_HASH : last.hash(), EventEnvelope.CITY,
                    new TargetsSet(TargetsSet.planOf(year), year, cells, "计划分解 " + random.nextInt(100)));
            lastOfYear.put(year, next);
            events.add(next);
        }
        return events.toArray(EventEnvelope[]::new);
    }

    private Integer count() {
        return random.nextInt(4) == 0 ? null : random.nextInt(6);
    }

    private BigDecimal amount() {
        return random.nextInt(3) == 0 ? null : new BigDecimal(random.nextInt(100_000_000)).movePointLeft(2);
    }
}
