package io.groundbreak.milestone.duplicate.command;

import io.groundbreak.milestone.project.command.ProjectRuleViolation;

/** Whether two districts' projects are one is the city's coordination office's call, never a district's. */
public class DuplicatesAreTheCitys extends ProjectRuleViolation {

    public DuplicatesAreTheCitys(String actorDistrict) {
        super("duplicates-are-the-citys", Kind.DISTRICT, "district " + actorDistrict + " cannot decide duplicates",
                actorDistrict);
    }
}
