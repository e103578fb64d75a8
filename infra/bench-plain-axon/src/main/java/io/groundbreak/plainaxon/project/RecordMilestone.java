package io.groundbreak.plainaxon.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMilestone(@TargetAggregateIdentifier String projectId, Stage stage, LocalDate effectiveDate,
                              BigDecimal amountCny) {
}
