package io.groundbreak.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The date (and amount) of an already recorded stage was corrected. */
public record MilestoneCorrected(
        ProjectId projectId,
        Stage stage,
        LocalDate effectiveDate,
        BigDecimal amountCny,
        String reason) implements ProjectEvent {
}
