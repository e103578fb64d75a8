package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveChange(@TargetAggregateIdentifier ProjectId projectId, ChangeRequestId requestId, String note, Actor actor) {
}
