package io.groundbreak.audit.periods.web;

import io.groundbreak.audit.periods.figures.FigureChange;
import io.groundbreak.audit.periods.figures.MonthFigures;
import io.groundbreak.audit.periods.figures.Restatement;
import io.groundbreak.audit.periods.store.PeriodAct;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/periods/{yyyy-MM}?district=}: the month's state ({@code open} or {@code closed}), the close in force,
 * every close and reopen, the figures as closed (null while open) and as known now, their differences and the events
 * that made them.
 */
record PeriodReport(String period, String district, String status, Instant closedAt, String closedBy,
                    List<PeriodAct> history, MonthFigures asClosed, MonthFigures asKnownNow,
                    List<FigureChange> differences, List<Restatement> restatements) {
}
