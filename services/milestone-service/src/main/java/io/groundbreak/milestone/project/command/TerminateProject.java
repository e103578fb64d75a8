package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ProjectId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TerminateProject(@TargetAggregateIdentifier ProjectId projectId, LocalDate effectiveDate, String reason, Actor actor) {
}
