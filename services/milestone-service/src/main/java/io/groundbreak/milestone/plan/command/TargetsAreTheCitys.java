package io.groundbreak.milestone.plan.command;

import io.groundbreak.milestone.project.command.ProjectRuleViolation;

/** The plan's targets are set by the city; a user bound to a district cannot set them, not even its own. */
public class TargetsAreTheCitys extends ProjectRuleViolation {

    public TargetsAreTheCitys(String actorDistrict) {
        super("targets-are-the-citys", Kind.DISTRICT, "district " + actorDistrict + " cannot set the plan's targets",
                actorDistrict);
    }
}
