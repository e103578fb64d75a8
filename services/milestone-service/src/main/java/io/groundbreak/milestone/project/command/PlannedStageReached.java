package io.groundbreak.milestone.project.command;

import io.groundbreak.events.Stage;
import java.util.Locale;

/** A plan is for a stage ahead: a stage at or below the highest recorded one has happened (or was skipped). */
public class PlannedStageReached extends ProjectRuleViolation {

    private final Stage stage;

    public PlannedStageReached(Stage stage, Stage highest) {
        super("planned-stage-reached", Kind.ORDER, "stage " + stage + " is not ahead of the highest recorded stage "
                + highest, stage, highest);
        this.stage = stage;
    }

    @Override
    public String field() {
        return "plannedDates." + stage.name().toLowerCase(Locale.ROOT);
    }
}
