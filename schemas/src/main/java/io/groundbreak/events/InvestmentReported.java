package io.groundbreak.events;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Investment completed so far, cumulative, as reported for a month ({@code YYYY-MM}). */
public record InvestmentReported(ProjectId projectId, YearMonth period, BigDecimal cumulativeCompletedCny)
        implements ProjectEvent {
}
