package io.groundbreak.audit.periods.figures;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;

/**
 * A stage's figures for a month: the projects that first reached it during the month, and the funnel on the month's
 * last day (reached, current, lost, with their planned investment).
 */
public record MonthStage(Stage stage, long reachedInMonth, long reached, long current, long lost,
                         BigDecimal reachedInvestmentCny, BigDecimal currentInvestmentCny) {
}
