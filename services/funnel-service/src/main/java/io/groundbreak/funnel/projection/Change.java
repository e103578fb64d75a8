package io.groundbreak.funnel.projection;

import java.math.BigDecimal;

/** How many projects, and how much planned investment, enter (positive) or leave (negative) a funnel position. */
record Change(long projects, BigDecimal investmentCny) {

    Change plus(Change other) {
        return new Change(projects + other.projects, investmentCny.add(other.investmentCny));
    }

    Change negated() {
        return new Change(-projects, investmentCny.negate());
    }

    boolean isNone() {
        return projects == 0 && investmentCny.signum() == 0;
    }
}
