package io.groundbreak.events;

/** A second person refused a requested change, saying why (schema 1.3): nothing changes and the request is closed. */
public record ChangeRejected(ProjectId projectId, ChangeRequestId requestId, String reason) implements ProjectEvent {
}
