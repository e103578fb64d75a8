package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One (district, chain) cell of a year's targets: project counts per stage and investment (docs TARGETS). */
public record TargetCell(String district, String chain, int signed, int landed, int started, int producing,
                         BigDecimal plannedInvestmentCny, BigDecimal completedInvestmentCny) {

    public TargetCell {
        Objects.requireNonNull(district);
        Objects.requireNonNull(chain);
        Objects.requireNonNull(plannedInvestmentCny);
        Objects.requireNonNull(completedInvestmentCny);
        if (signed < 0 || landed < 0 || started < 0 || producing < 0
                || plannedInvestmentCny.signum() < 0 || completedInvestmentCny.signum() < 0) {
            throw new IllegalArgumentException("a target is never negative");
        }
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("district", district);
        body.put("chain", chain);
        body.put("signed", signed);
        body.put("landed", landed);
        body.put("started", started);
        body.put("producing", producing);
        body.put("plannedInvestmentCny", Money.text(plannedInvestmentCny));
        body.put("completedInvestmentCny", Money.text(completedInvestmentCny));
        return body;
    }
}
