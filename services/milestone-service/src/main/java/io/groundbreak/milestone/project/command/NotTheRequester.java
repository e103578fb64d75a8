package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ChangeRequestId;

/** Only the requester withdraws a change request. */
public class NotTheRequester extends ProjectRuleViolation {

    public NotTheRequester(String actor, ChangeRequestId requestId) {
        super("not-the-requester", Kind.PERSON, actor + " did not request change " + requestId + " and cannot withdraw it",
                actor, requestId);
    }
}
