package io.groundbreak.milestone.project.command;

import io.groundbreak.events.Stage;

/** Only a stage that was recorded (and not retracted) can be corrected. */
public class StageNotRecorded extends ProjectRuleViolation {

    public StageNotRecorded(Stage stage) {
        super("stage-not-recorded", Kind.ORDER, "stage " + stage + " is not recorded for this project", stage);
    }

    @Override
    public String field() {
        return "stage";
    }
}
