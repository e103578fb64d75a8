package io.groundbreak.faults.check;

import io.groundbreak.faults.stack.Stack;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The funnel as the services answer it: funnel-service's {@code GET /api/funnel/breakdown?by=district&chain=}
 * (the leaders' live view) and audit-service's {@code GET /api/audit/funnel?district=&chain=} (the ledger's
 * replay), per district and stage, to compare with {@link Reference#funnelOf}.
 */
public final class FunnelViews {

    private FunnelViews() {
    }

    /** funnel-service's figures of {@code chain} per district, or empty when it did not answer 200. */
    public static Optional<Map<String, List<StageFigures>>> live(Stack stack, String chain) {
        ServiceHttp.Answer answer = ServiceHttp.get(stack.funnelUrl("/api/funnel/breakdown?by=district&chain=" + encode(chain)), "leader");
        if (answer.status() != 200 || answer.body() == null) {
            return Optional.empty();
        }
        Map<String, List<StageFigures>> funnel = new LinkedHashMap<>();
        for (JsonNode district : answer.body().get("funnels")) {
            funnel.put(district.get("code").asString(), stages(district.get("stages")));
        }
        return Optional.of(funnel);
    }

    /** audit-service's replay of the ledger for one district and chain, or empty when it did not answer 200. */
    public static Optional<List<StageFigures>> ledger(Stack stack, String district, String chain) {
        URI uri = stack.auditUrl("/api/audit/funnel?district=" + encode(district) + "&chain=" + encode(chain));
        ServiceHttp.Answer answer = ServiceHttp.get(uri, "auditor");
        if (answer.status() != 200 || answer.body() == null) {
            return Optional.empty();
        }
        return Optional.of(stages(answer.body().get("stages")));
    }

    private static List<StageFigures> stages(JsonNode stages) {
        List<StageFigures> figures = new ArrayList<>();
        for (JsonNode stage : stages) {
            figures.add(new StageFigures(stage.get("reached").asLong(), stage.get("current").asLong(),
                    new BigDecimal(stage.get("reachedInvestmentCny").asString())));
        }
        return figures;
    }

    /** Projects a view counts beyond the reference: per district, the largest surplus over its stages. */
    public static long surplus(Map<String, List<StageFigures>> reference, Map<String, List<StageFigures>> view) {
        long surplus = 0;
        for (Map.Entry<String, List<StageFigures>> district : reference.entrySet()) {
            List<StageFigures> seen = view.get(district.getKey());
            if (seen == null) {
                continue;
            }
            long most = 0;
            for (int stage = 0; stage < Math.min(seen.size(), district.getValue().size()); stage++) {
                most = Math.max(most, seen.get(stage).reached() - district.getValue().get(stage).reached());
            }
            surplus += most;
        }
        return surplus;
    }

    /** The first difference between the reference and a view, for the report; empty when they agree. */
    public static Optional<String> difference(Map<String, List<StageFigures>> reference, Map<String, List<StageFigures>> view) {
        for (Map.Entry<String, List<StageFigures>> district : reference.entrySet()) {
            List<StageFigures> seen = view.get(district.getKey());
            if (seen == null) {
                return Optional.of("district " + district.getKey() + " missing");
            }
            for (int stage = 0; stage < district.getValue().size(); stage++) {
                StageFigures expected = district.getValue().get(stage);
                StageFigures actual = stage < seen.size() ? seen.get(stage) : StageFigures.NONE;
                if (!expected.sameAs(actual)) {
                    return Optional.of("district " + district.getKey() + " stage " + stage + ": expected " + expected
                            + ", view says " + actual);
                }
            }
        }
        return Optional.empty();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
