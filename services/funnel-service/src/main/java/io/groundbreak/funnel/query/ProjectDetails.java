package io.groundbreak.funnel.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One project on a date: its list entry, every stage in funnel order, its suspensions and termination
 * so far, and the latest cumulative completed investment reported for a month up to the date's month.
 */
public record ProjectDetails(ProjectSummary summary, String investor, String park, List<StageRecord> stages,
                             List<SuspensionPeriod> suspensions, LocalDate terminatedOn,
                             BigDecimal completedInvestmentCny, YearMonth completedInvestmentPeriod) {
}
