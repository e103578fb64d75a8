package io.groundbreak.faults.check;

import java.math.BigDecimal;

/** One stage of a funnel: projects at or above it, projects at it, and the planned investment of the first. */
public record StageFigures(long reached, long current, BigDecimal reachedInvestmentCny) {

    public static final StageFigures NONE = new StageFigures(0, 0, BigDecimal.ZERO.setScale(2));

    public boolean sameAs(StageFigures other) {
        return reached == other.reached && current == other.current
                && reachedInvestmentCny.compareTo(other.reachedInvestmentCny) == 0;
    }

    @Override
    public String toString() {
        return "reached " + reached + ", current " + current + ", reached investment " + reachedInvestmentCny.toPlainString();
    }
}
