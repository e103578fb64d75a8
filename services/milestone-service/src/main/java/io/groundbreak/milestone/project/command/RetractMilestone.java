package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ProjectId;
import io.groundbreak.events.Stage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractMilestone(@TargetAggregateIdentifier ProjectId projectId, Stage stage, String reason, Actor actor) {
}
