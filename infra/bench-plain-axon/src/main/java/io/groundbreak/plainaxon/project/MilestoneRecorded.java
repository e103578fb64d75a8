package io.groundbreak.plainaxon.project;

import java.math.BigDecimal;
import java.time.LocalDate;

public record MilestoneRecorded(String projectId, Stage stage, LocalDate effectiveDate, BigDecimal amountCny) {
}
