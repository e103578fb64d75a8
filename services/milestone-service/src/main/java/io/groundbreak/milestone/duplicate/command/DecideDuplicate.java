package io.groundbreak.milestone.duplicate.command;

import io.groundbreak.events.ProjectId;
import io.groundbreak.milestone.project.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decide whether two projects are one investment; when they are, the primary is the one that is counted. */
public record DecideDuplicate(
        @TargetAggregateIdentifier ProjectId pairId,
        ProjectId firstProjectId,
        ProjectId secondProjectId,
        boolean same,
        ProjectId primaryProjectId,
        String reason,
        Actor actor) {
}
