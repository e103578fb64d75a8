package io.groundbreak.milestone.project.command;

import java.util.UUID;

/** What a command handler answers: the event it recorded and its place in the project's sequence. */
public record Recorded(UUID eventId, long sequence) {
}
