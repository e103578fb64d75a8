package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ChangeRequestId;
import java.util.UUID;

/**
 * What a command handler answers: the event it recorded and its place in the project's sequence; for a change above
 * the review bounds that event is the {@code ChangeRequested} and {@code requestId} names the pending request.
 */
public record Recorded(UUID eventId, long sequence, ChangeRequestId requestId) {

    public Recorded(UUID eventId, long sequence) {
        this(eventId, sequence, null);
    }

    /** Whether the change awaits a second person's approval instead of being recorded. */
    public boolean pending() {
        return requestId != null;
    }
}
