package io.groundbreak.funnel.query;

import java.math.BigDecimal;

/**
 * What happened in a target's year up to the date asked (docs/funnel.md "Targets"): the projects that reached each
 * stage in it, the planned investment of those that signed in it, and the investment completed in it.
 */
public record ActualValues(long signed, long landed, long started, long producing, BigDecimal plannedInvestmentCny,
                           BigDecimal completedInvestmentCny) {

    public static final ActualValues NONE = new ActualValues(0, 0, 0, 0, BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2));

    public ActualValues plus(ActualValues other) {
        return new ActualValues(signed + other.signed, landed + other.landed, started + other.started,
                producing + other.producing, plannedInvestmentCny.add(other.plannedInvestmentCny),
                completedInvestmentCny.add(other.completedInvestmentCny));
    }
}
