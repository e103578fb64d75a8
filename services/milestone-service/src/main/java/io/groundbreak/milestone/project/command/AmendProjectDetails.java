package io.groundbreak.milestone.project.command;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A null field is left as it is, and so is a stage left out of {@code plannedDates}; the district is not among
 * the fields on purpose. Its fields mirror the event ProjectDetailsAmended on purpose: the command is what a user
 * asks, the event what was decided.
 */
public record AmendProjectDetails(
        @TargetAggregateIdentifier ProjectId projectId,
        String name,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park,
        PlannedDates plannedDates,
        String responsiblePerson,
        String responsibleLeader,
        String source,
        String reason,
        Actor actor) {
}
