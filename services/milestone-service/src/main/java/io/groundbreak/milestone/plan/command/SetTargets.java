package io.groundbreak.milestone.plan.command;

import io.groundbreak.events.ProjectId;
import io.groundbreak.events.TargetCell;
import io.groundbreak.milestone.project.command.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set or change some cells of a year's targets (each cell replaced whole), with the reason. */
public record SetTargets(
        @TargetAggregateIdentifier ProjectId planId,
        int year,
        List<TargetCell> targets,
        String reason,
        Actor actor) {
}
