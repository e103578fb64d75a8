package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ProjectId;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportInvestment(
        @TargetAggregateIdentifier ProjectId projectId,
        YearMonth period,
        BigDecimal cumulativeCompletedCny,
        Actor actor) {
}
