package io.groundbreak.events;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * When a project is planned to reach the stages ahead (计划签约/落地/开工/投产), schema 1.1; a stage without a
 * plan is null (left out of the JSON). TALKS has no planned date: a project is registered in talks or later.
 */
public record PlannedDates(LocalDate signed, LocalDate landed, LocalDate started, LocalDate producing) {

    /** No stage planned: what a project registered without plans has. */
    public static final PlannedDates NONE = new PlannedDates(null, null, null, null);

    /** The planned date of a stage, null for TALKS and for a stage without a plan. */
    public LocalDate of(Stage stage) {
        return switch (stage) {
            case TALKS -> null;
            case SIGNED -> signed;
            case LANDED -> landed;
            case STARTED -> started;
            case PRODUCING -> producing;
        };
    }

    /** The planned stages and their dates, in stage order. */
    public Map<Stage, LocalDate> byStage() {
        Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            if (of(stage) != null) {
                dates.put(stage, of(stage));
            }
        }
        return dates;
    }

    /** These dates with {@code changes}' dates over them: a stage left out of {@code changes} keeps its date. */
    public PlannedDates with(PlannedDates changes) {
        if (changes == null) {
            return this;
        }
        return new PlannedDates(orKept(changes.signed, signed), orKept(changes.landed, landed),
                orKept(changes.started, started), orKept(changes.producing, producing));
    }

    /** The dates of given stages; null when there are none, so that the field is left out. */
    public static PlannedDates ofStages(Map<Stage, LocalDate> dates) {
        PlannedDates planned = new PlannedDates(dates.get(Stage.SIGNED), dates.get(Stage.LANDED),
                dates.get(Stage.STARTED), dates.get(Stage.PRODUCING));
        return planned.byStage().isEmpty() ? null : planned;
    }

    private static LocalDate orKept(LocalDate changed, LocalDate kept) {
        return changed != null ? changed : kept;
    }
}
