package io.groundbreak.events;

/** The requester took a pending change back (schema 1.3): nothing changes; the reason is optional. */
public record ChangeWithdrawn(ProjectId projectId, ChangeRequestId requestId, String reason) implements ProjectEvent {
}
