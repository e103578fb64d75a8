package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.ActualValues;
import io.groundbreak.funnel.query.TargetProgress;
import io.groundbreak.funnel.query.TargetValues;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Each measure of a target beside its actual: project counts as numbers, investments as decimal strings; percent is
 * actual / target × 100 to one decimal, null without a target or with a target of 0.
 */
record TargetFiguresAnswer(Count signed, Count landed, Count started, Count producing, Amount plannedInvestmentCny,
                           Amount completedInvestmentCny) {

    record Count(Long target, long actual, Double percent) {
    }

    record Amount(BigDecimal target, BigDecimal actual, Double percent) {
    }

    static TargetFiguresAnswer of(TargetProgress progress) {
        TargetValues target = progress.target();
        ActualValues actual = progress.actual();
        return new TargetFiguresAnswer(count(target.signed(), actual.signed()), count(target.landed(), actual.landed()),
                count(target.started(), actual.started()), count(target.producing(), actual.producing()),
                amount(target.plannedInvestmentCny(), actual.plannedInvestmentCny()),
                amount(target.completedInvestmentCny(), actual.completedInvestmentCny()));
    }

    private static Count count(Long target, long actual) {
        return new Count(target, actual, target == null ? null : percent(BigDecimal.valueOf(target), BigDecimal.valueOf(actual)));
    }

    private static Amount amount(BigDecimal target, BigDecimal actual) {
        return new Amount(target, actual, target == null ? null : percent(target, actual));
    }

    private static Double percent(BigDecimal target, BigDecimal actual) {
        if (target.signum() == 0) {
            return null;
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
