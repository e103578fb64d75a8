package io.groundbreak.milestone.project.command;

import io.groundbreak.events.Stage;

/** Only the highest recorded stage can be retracted. */
public class NotTheHighestStage extends ProjectRuleViolation {

    public NotTheHighestStage(Stage requested, Stage highest) {
        super("not-highest-stage", Kind.ORDER,
                "stage " + requested + " is not the project's highest recorded stage " + highest, requested, highest);
    }

    @Override
    public String field() {
        return "stage";
    }
}
