package io.groundbreak.funnel.web;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.funnel.freshness.Freshness;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * GET /api/projects/{id}: the project on {@code asOf}, every stage in funnel order, and its planned dates (schema 1.1;
 * a stage without a plan is left out).
 */
record ProjectAnswer(LocalDate asOf, ProjectItem project, String investor, String park, PlannedDates plannedDates,
                     List<StageEntry> stages,
                     List<Suspension> suspensions, LocalDate terminatedOn, BigDecimal completedInvestmentCny,
                     YearMonth completedInvestmentPeriod, Freshness freshness) {

    record StageEntry(Label stage, LocalDate effectiveDate, BigDecimal amountCny, boolean reached, boolean skipped) {
    }

    record Suspension(LocalDate suspendedOn, LocalDate resumedOn) {
    }
}
