package io.groundbreak.funnel.query;

import java.math.BigDecimal;

/**
 * A target as set, or the sum of several (a district's over its chains, the city's): each measure null when no target
 * is set for it; a sum has a target wherever one of its parts has.
 */
public record TargetValues(Long signed, Long landed, Long started, Long producing, BigDecimal plannedInvestmentCny,
                           BigDecimal completedInvestmentCny) {

    public static final TargetValues NONE = new TargetValues(null, null, null, null, null, null);

    public TargetValues plus(TargetValues other) {
        return new TargetValues(sum(signed, other.signed), sum(landed, other.landed), sum(started, other.started),
                sum(producing, other.producing), sum(plannedInvestmentCny, other.plannedInvestmentCny),
                sum(completedInvestmentCny, other.completedInvestmentCny));
    }

    private static Long sum(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a + b;
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
