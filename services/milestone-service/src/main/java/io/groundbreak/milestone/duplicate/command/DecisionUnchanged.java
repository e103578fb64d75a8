package io.groundbreak.milestone.duplicate.command;

import io.groundbreak.milestone.project.command.ProjectRuleViolation;

/** The pair already stands decided so: a reversal must change the decision or its primary. */
public class DecisionUnchanged extends ProjectRuleViolation {

    public DecisionUnchanged() {
        super("decision-unchanged", Kind.ORDER, "the pair is already decided so");
    }
}
