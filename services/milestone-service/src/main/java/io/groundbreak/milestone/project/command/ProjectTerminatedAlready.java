package io.groundbreak.milestone.project.command;

import java.time.LocalDate;

/** A terminated project takes nothing at all: it is closed for good. */
public class ProjectTerminatedAlready extends ProjectRuleViolation {

    public ProjectTerminatedAlready(LocalDate since) {
        super("project-terminated", Kind.ORDER, "the project was terminated on " + since, since);
    }
}
