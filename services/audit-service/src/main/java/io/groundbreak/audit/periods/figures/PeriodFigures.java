package io.groundbreak.audit.periods.figures;

import java.util.List;

/**
 * A district's month as closed (null while it is open), as known now, the figures that differ and the events that
 * made them differ (the sum of the restatements' changes of a figure is its difference), in recorded order.
 */
public record PeriodFigures(MonthFigures asClosed, MonthFigures asKnownNow, List<FigureChange> differences,
                            List<Restatement> restatements) {
}
