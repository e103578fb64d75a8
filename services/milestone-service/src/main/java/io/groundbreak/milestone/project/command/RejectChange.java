package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectChange(@TargetAggregateIdentifier ProjectId projectId, ChangeRequestId requestId, String reason, Actor actor) {
}
