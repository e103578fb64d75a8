package io.groundbreak.milestone.project.command;

/** The project has no change request of this id. */
public class UnknownChangeRequest extends ProjectRuleViolation {

    /** @param requestId as the client named it, which may be no request id at all */
    public UnknownChangeRequest(String requestId) {
        super("unknown-request", Kind.UNKNOWN, "the project has no change request " + requestId, requestId);
    }
}
