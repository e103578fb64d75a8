package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code POST /amendment}: the details that change (null = unchanged), never the district. */
public record AmendDetails(String name, String chain, String investor, BigDecimal plannedInvestmentCny, String park,
                           String reason) implements ProjectAction {

    public AmendDetails {
        Objects.requireNonNull(reason);
        if (name == null && chain == null && investor == null && plannedInvestmentCny == null && park == null) {
            throw new IllegalArgumentException("an amendment changes at least one detail");
        }
    }

    @Override
    public String path() {
        return "/amendment";
    }

    @Override
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        if (chain != null) {
            body.put("chain", chain);
        }
        if (investor != null) {
            body.put("investor", investor);
        }
        if (plannedInvestmentCny != null) {
            body.put("plannedInvestmentCny", Money.text(plannedInvestmentCny));
        }
        if (park != null) {
            body.put("park", park);
        }
        body.put("reason", reason);
        return body;
    }

    @Override
    public String slug() {
        return "amendment";
    }
}
