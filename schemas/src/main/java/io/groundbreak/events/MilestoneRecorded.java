package io.groundbreak.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project reached a stage on {@code effectiveDate}; amount and note are optional. */
public record MilestoneRecorded(
        ProjectId projectId,
        Stage stage,
        LocalDate effectiveDate,
        BigDecimal amountCny,
        String note) implements ProjectEvent {
}
