package io.groundbreak.milestone.project.command;

/** Only the district's reviewer or the city (an admin) approves or rejects a change request. */
public class NotAReviewer extends ProjectRuleViolation {

    public NotAReviewer(String actor) {
        super("not-a-reviewer", Kind.PERSON, actor + " is no reviewer and cannot decide on change requests", actor);
    }
}
