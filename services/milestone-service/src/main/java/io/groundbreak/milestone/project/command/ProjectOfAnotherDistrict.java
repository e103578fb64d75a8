package io.groundbreak.milestone.project.command;

public class ProjectOfAnotherDistrict extends ProjectRuleViolation {

    public ProjectOfAnotherDistrict(String actorDistrict, String projectDistrict) {
        super("other-district", Kind.DISTRICT,
                "district " + actorDistrict + " cannot act on a project of district " + projectDistrict,
                actorDistrict, projectDistrict);
    }
}
