package io.groundbreak.funnel.projection;

import java.util.HashMap;
import java.util.Map;

/**
 * funnel_delta changes held back across batches, for a rebuild: nobody reads the set being rebuilt, so its
 * funnel_delta only has to be right when the set is switched in. Held back, a row that many batches touch
 * (a month's or the whole city's, say) is written once instead of once per batch, and a project's
 * intermediate positions cancel out before they are written. {@link FunnelProjection#writeDeferred} writes
 * them; the rebuild does so whenever {@link #isFull()} and before it switches.
 */
public final class DeferredFunnelDeltas {

    /** Positions held before they must be written: bounds the memory of a rebuild of any size. */
    private static final int CAPACITY = 200_000;

    private Map<FunnelPosition, Change> changes = new HashMap<>();
    private boolean drainedBefore;

    void add(Map<FunnelPosition, Change> more) {
        more.forEach((position, change) -> changes.merge(position, change, Change::plus));
    }

    public boolean isFull() {
        return changes.size() >= CAPACITY;
    }

    /** What is held, handed over and forgotten. */
    Map<FunnelPosition, Change> drain() {
        Map<FunnelPosition, Change> drained = changes;
        changes = new HashMap<>();
        drainedBefore = true;
        return drained;
    }

    /** True once something was drained: what the set's funnel_delta holds is no longer nothing. */
    boolean drainedBefore() {
        return drainedBefore;
    }
}
