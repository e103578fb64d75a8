package io.groundbreak.demo.generate;

import io.groundbreak.demo.plan.ProjectOutcome;
import io.groundbreak.events.Stage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * docs/funnel.md "Lights" with the default thresholds, written again from the document (not from the generator):
 * the light of a project on a day, empty where none applies.
 */
public final class Lights {

    public enum Light { GREEN, AMBER, RED }

    private static final Map<Stage, Integer> AMBER = Map.of(Stage.TALKS, 180, Stage.SIGNED, 90, Stage.LANDED, 120,
            Stage.STARTED, 365);
    private static final Map<Stage, Integer> RED = Map.of(Stage.TALKS, 365, Stage.SIGNED, 180, Stage.LANDED, 240,
            Stage.STARTED, 730);
    private static final int DUE = 30;

    private Lights() {
    }

    public static Optional<Light> of(ProjectOutcome project, LocalDate day) {
        Optional<Stage> stage = project.stageOn(day);
        if (stage.isEmpty() || stage.get() == Stage.PRODUCING || project.terminatedOn(day)) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(project.stages().get(stage.get()), day);
        boolean passed = false;
        boolean due = false;
        for (Map.Entry<Stage, LocalDate> plan : project.plannedDates().entrySet()) {
            if (plan.getKey().compareTo(stage.get()) > 0) {
                passed |= plan.getValue().isBefore(day);
                due |= !plan.getValue().isBefore(day) && !plan.getValue().isAfter(day.plusDays(DUE));
            }
        }
        if (passed || days > RED.get(stage.get())) {
            return Optional.of(Light.RED);
        }
        if (due || days > AMBER.get(stage.get())) {
            return Optional.of(Light.AMBER);
        }
        return Optional.of(Light.GREEN);
    }
}
