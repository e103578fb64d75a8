package io.groundbreak.funnel.projection;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What of a project decides its place in the funnel on any date: its recorded stages with their
 * (corrected) dates, its termination date, and what it is counted under.
 */
record ProjectTimeline(String district, String chain, BigDecimal plannedInvestmentCny,
                       Map<Stage, LocalDate> milestones, LocalDate terminatedOn) {

    /** stage(p, D) of docs/funnel.md: the highest recorded stage dated on or before D. */
    Optional<Stage> stageOn(LocalDate date) {
        Stage highest = null;
        for (Map.Entry<Stage, LocalDate> milestone : milestones.entrySet()) {
            if (!milestone.getValue().isAfter(date) && milestone.getKey().isAbove(highest)) {
                highest = milestone.getKey();
            }
        }
        return Optional.ofNullable(highest);
    }

    boolean terminatedOn(LocalDate date) {
        return terminatedOn != null && !terminatedOn.isAfter(date);
    }

    /**
     * The project's part of the pre-aggregated funnel: on every date where its position changes, it
     * leaves the old position and enters the new one. Positions only change on a milestone's or the
     * termination's date, so those are the only dates looked at.
     */
    Map<FunnelPosition, Change> contribution() {
        TreeSet<LocalDate> dates = new TreeSet<>(milestones.values());
        if (terminatedOn != null) {
            dates.add(terminatedOn);
        }
        Change entering = new Change(1, plannedInvestmentCny);
        Map<FunnelPosition, Change> changes = new HashMap<>();
        Optional<Stage> stageBefore = Optional.empty();
        boolean terminatedBefore = false;
        for (LocalDate date : dates) {
            Optional<Stage> stage = stageOn(date);
            boolean terminated = terminatedOn(date);
            if (!stage.equals(stageBefore) || terminated != terminatedBefore) {
                if (stageBefore.isPresent()) {
                    add(changes, position(stageBefore.get(), terminatedBefore, date), entering.negated());
                }
                if (stage.isPresent()) {
                    add(changes, position(stage.get(), terminated, date), entering);
                }
            }
            stageBefore = stage;
            terminatedBefore = terminated;
        }
        return changes;
    }

    /** What turns the funnel with {@code before} counted into the funnel with {@code after} counted. */
    static Map<FunnelPosition, Change> difference(Map<FunnelPosition, Change> before, Map<FunnelPosition, Change> after) {
        Map<FunnelPosition, Change> difference = new HashMap<>(after);
        before.forEach((position, change) -> add(difference, position, change.negated()));
        difference.values().removeIf(Change::isNone);
        return difference;
    }

    private FunnelPosition position(Stage stage, boolean terminated, LocalDate from) {
        return new FunnelPosition(district, chain, stage, terminated, from);
    }

    private static void add(Map<FunnelPosition, Change> changes, FunnelPosition position, Change change) {
        changes.merge(position, change, Change::plus);
    }
}
