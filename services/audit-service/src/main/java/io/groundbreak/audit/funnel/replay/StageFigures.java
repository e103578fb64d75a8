package io.groundbreak.audit.funnel.replay;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;

public record StageFigures(Stage stage, long reached, long current, long lost,
                           BigDecimal reachedInvestmentCny, BigDecimal currentInvestmentCny) {
}
