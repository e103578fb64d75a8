package io.groundbreak.events;

/**
 * A second person (the district's reviewer or the city) approved a requested change (schema 1.3); the requested event
 * follows at the next sequence of the same stream, recorded by the approver. The note is optional.
 */
public record ChangeApproved(ProjectId projectId, ChangeRequestId requestId, String note) implements ProjectEvent {
}
