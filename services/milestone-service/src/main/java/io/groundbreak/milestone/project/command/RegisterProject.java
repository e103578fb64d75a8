package io.groundbreak.milestone.project.command;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * park, the planned dates, the responsible person and leader and the source are optional (null). Its fields mirror
 * the event ProjectRegistered on purpose: the command is what a user asks, the event what was decided.
 */
public record RegisterProject(
        @TargetAggregateIdentifier ProjectId projectId,
        String code,
        String name,
        String district,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park,
        PlannedDates plannedDates,
        String responsiblePerson,
        String responsibleLeader,
        String source,
        Actor actor) {
}
