package io.groundbreak.audit.reconciliation.check;

import io.groundbreak.audit.funnel.replay.Conversion;
import io.groundbreak.audit.funnel.replay.Funnel;
import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.funnel.replay.StageFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Compares the ledger's funnel with funnel-service's answer (its JSON as received, so that a field it
 * leaves out or writes differently shows as a difference too). Counts must be equal, amounts equal as
 * numbers ({@code 5.0} = {@code 5.00}), rates equal up to rounding of a double division.
 */
public final class FunnelComparison {

    private static final double RATE_TOLERANCE = 1e-9;

    private FunnelComparison() {
    }

    public static List<Difference> compare(FunnelScope scope, Funnel ledger, JsonNode live) {
        List<Difference> differences = new ArrayList<>();
        String label = scope.label();
        if (!ledger.asOf().toString().equals(text(live.get("asOf")))) {
            differences.add(new Difference(label, null, "asOf", ledger.asOf().toString(), text(live.get("asOf"))));
        }
        for (StageFigures figures : ledger.stages()) {
            String stage = figures.stage().name();
            JsonNode other = find(live.path("stages"), node -> stage.equals(node.path("stage").asString("")));
            count(differences, label, stage, "reached", figures.reached(), other);
            count(differences, label, stage, "current", figures.current(), other);
            count(differences, label, stage, "lost", figures.lost(), other);
            amount(differences, label, stage, "reachedInvestmentCny", figures.reachedInvestmentCny(), other);
            amount(differences, label, stage, "currentInvestmentCny", figures.currentInvestmentCny(), other);
        }
        for (Conversion conversion : ledger.conversions()) {
            String from = conversion.from().name();
            String to = conversion.to().name();
            JsonNode other = find(live.path("conversions"),
                    node -> from.equals(node.path("from").asString("")) && to.equals(node.path("to").asString("")));
            if (other == null) {
                differences.add(new Difference(label, from + "->" + to, "conversion", "listed", null));
                continue;
            }
            JsonNode rate = other.get("rate");
            if (!sameRate(conversion.rate(), rate)) {
                differences.add(new Difference(label, from + "->" + to, "rate", Objects.toString(conversion.rate()), text(rate)));
            }
        }
        return differences;
    }

    private static void count(List<Difference> differences, String scope, String stage, String field, long ledger,
                              JsonNode live) {
        JsonNode value = live == null ? null : live.get(field);
        if (value == null || !value.isIntegralNumber() || value.asLong() != ledger) {
            differences.add(new Difference(scope, stage, field, Long.toString(ledger), text(value)));
        }
    }

    private static void amount(List<Difference> differences, String scope, String stage, String field, BigDecimal ledger,
                               JsonNode live) {
        JsonNode value = live == null ? null : live.get(field);
        if (value == null || !value.isString() || !sameAmount(ledger, value.asString())) {
            differences.add(new Difference(scope, stage, field, ledger.toPlainString(), text(value)));
        }
    }

    private static boolean sameAmount(BigDecimal ledger, String live) {
        try {
            return ledger.compareTo(new BigDecimal(live)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean sameRate(Double ledger, JsonNode live) {
        if (ledger == null) {
            return live == null || live.isNull();
        }
        return live != null && live.isNumber() && Math.abs(live.asDouble() - ledger) <= RATE_TOLERANCE;
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> matches) {
        for (JsonNode node : array) {
            if (matches.test(node)) {
                return node;
            }
        }
        return null;
    }

    /** A live value as the answer wrote it; {@code null} when the field is missing. */
    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
