package io.groundbreak.milestone.project.command;

import io.groundbreak.events.Stage;

public class MilestoneNotAboveHighestStage extends ProjectRuleViolation {

    public MilestoneNotAboveHighestStage(Stage requested, Stage highest) {
        super("stage-order", Kind.ORDER,
                "stage " + requested + " is not above the project's highest recorded stage " + highest,
                requested, highest);
    }

    @Override
    public String field() {
        return "stage";
    }
}
