package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ProjectId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterProject(
        @TargetAggregateIdentifier ProjectId projectId,
        String code,
        String name,
        String district,
        String chain,
        String investor,
        BigDecimal plannedInvestmentCny,
        String park,
        Actor actor) {
}
