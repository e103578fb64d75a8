package io.groundbreak.milestone.project.command;

public class ProjectNotSuspended extends ProjectRuleViolation {

    public ProjectNotSuspended() {
        super("project-not-suspended", Kind.ORDER, "the project is not suspended");
    }
}
