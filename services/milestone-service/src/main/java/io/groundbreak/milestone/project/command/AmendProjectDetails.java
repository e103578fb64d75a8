package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ProjectId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A null field is left as it is; the district is not among the fields on purpose. */
public record AmendProjectDetails(
        @TargetAggregateIdentifier ProjectId projectId,
        String name,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park,
        String reason,
        Actor actor) {
}
