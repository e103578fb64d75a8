package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;

/**
 * The projects whose stage on the valid date is {@code stage}, split by whether they were terminated
 * by then, with the sum of their planned investment.
 */
public record StageTally(Stage stage, boolean terminated, long projects, BigDecimal plannedInvestmentCny) {
}
