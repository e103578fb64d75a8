package io.groundbreak.milestone.project.command;

/** An amendment whose every field equals the project's current details would record nothing new. */
public class NothingToAmend extends ProjectRuleViolation {

    public NothingToAmend() {
        super("nothing-to-amend", Kind.ORDER, "the amendment changes none of the project's details");
    }
}
