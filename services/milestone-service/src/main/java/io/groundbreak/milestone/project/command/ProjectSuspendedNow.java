package io.groundbreak.milestone.project.command;

import java.time.LocalDate;

/** A suspended project takes no milestone (and no second suspension) until it is resumed. */
public class ProjectSuspendedNow extends ProjectRuleViolation {

    public ProjectSuspendedNow(LocalDate since) {
        super("project-suspended", Kind.ORDER, "the project is suspended since " + since, since);
    }
}
