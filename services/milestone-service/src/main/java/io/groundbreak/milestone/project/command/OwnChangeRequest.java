package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ChangeRequestId;

/** Four eyes: the requester neither approves nor rejects their own request (they may withdraw it). */
public class OwnChangeRequest extends ProjectRuleViolation {

    public OwnChangeRequest(String actor, ChangeRequestId requestId) {
        super("own-request", Kind.PERSON, actor + " requested change " + requestId + " and cannot decide on it",
                actor, requestId);
    }
}
