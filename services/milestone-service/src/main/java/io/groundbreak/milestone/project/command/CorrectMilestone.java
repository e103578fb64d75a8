package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ProjectId;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CorrectMilestone(
        @TargetAggregateIdentifier ProjectId projectId,
        Stage stage,
        LocalDate effectiveDate,
        BigDecimal amountCny,
        String reason,
        Actor actor) {
}
