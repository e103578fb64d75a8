package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ChangeRequestId;

/** A change request approved, rejected or withdrawn already is closed for good. */
public class ChangeRequestClosed extends ProjectRuleViolation {

    public ChangeRequestClosed(ChangeRequestId requestId) {
        super("request-closed", Kind.ORDER, "change request " + requestId + " is no longer pending", requestId);
    }
}
