package io.groundbreak.events;

import java.math.BigDecimal;

/**
 * One cell of a year's targets (schema 1.2): a district's target for one chain. Each measure is optional (no target
 * set for it): the number of projects to reach each stage in the year, the planned investment of the projects signed
 * in the year and the investment to be completed in the year, in CNY yuan.
 */
public record TargetCell(
        String district,
        String chain,
        Integer signed,
        Integer landed,
        Integer started,
        Integer producing,
        BigDecimal plannedInvestmentCny,
        BigDecimal completedInvestmentCny) {
}
