package io.groundbreak.demo.plan;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;

/** One stage of a funnel as funnel-service answers it: counts and planned investment. */
public record StageFigures(Stage stage, long reached, long current, long lost, BigDecimal reachedInvestmentCny,
                           BigDecimal currentInvestmentCny) {
}
