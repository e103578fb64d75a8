package io.groundbreak.events;

/** The highest recorded stage was withdrawn; the stage below becomes the highest. */
public record MilestoneRetracted(ProjectId projectId, Stage stage, String reason) implements ProjectEvent {
}
