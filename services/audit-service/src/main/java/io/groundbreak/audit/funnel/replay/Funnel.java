package io.groundbreak.audit.funnel.replay;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The funnel valid on {@code asOf} as known at {@code knownAt}, in the shape of funnel-service's
 * {@code /api/funnel} (plus {@code knownAt}): every stage in order, zeros included. The counting
 * repeats funnel-service's on purpose: services share no code, and reconciliation is only worth
 * something if the ledger's figures do not come from the code they check.
 */
public record Funnel(LocalDate asOf, Instant knownAt, List<StageFigures> stages, List<Conversion> conversions) {

    private static final BigDecimal NO_INVESTMENT = new BigDecimal("0.00");

    /**
     * A project at stage s on the valid date has reached s and every stage below it (skipped ones count
     * as passed); it is current at s unless terminated by then, and lost at s if it was.
     */
    public static Funnel of(LocalDate asOf, Instant knownAt, Collection<ProjectState> projects, FunnelScope scope) {
        Stage[] order = Stage.values();
        long[] reached = new long[order.length];
        long[] current = new long[order.length];
        long[] lost = new long[order.length];
        BigDecimal[] reachedInvestment = filled(order.length);
        BigDecimal[] currentInvestment = filled(order.length);
        for (ProjectState project : projects) {
            Optional<Stage> stage = project.isRegistered() && scope.includes(project)
                    ? project.stageOn(asOf) : Optional.empty();
            if (stage.isEmpty()) {
                continue;
            }
            int at = stage.get().ordinal();
            for (int passed = 0; passed <= at; passed++) {
                reached[passed]++;
                reachedInvestment[passed] = reachedInvestment[passed].add(project.plannedInvestmentCny());
            }
            if (project.isTerminatedOn(asOf)) {
                lost[at]++;
            } else {
                current[at]++;
                currentInvestment[at] = currentInvestment[at].add(project.plannedInvestmentCny());
            }
        }
        List<StageFigures> stages = new ArrayList<>();
        List<Conversion> conversions = new ArrayList<>();
        for (Stage stage : order) {
            int i = stage.ordinal();
            stages.add(new StageFigures(stage, reached[i], current[i], lost[i], reachedInvestment[i], currentInvestment[i]));
            if (i + 1 < order.length) {
                conversions.add(new Conversion(stage, order[i + 1], reached[i] == 0 ? null : (double) reached[i + 1] / reached[i]));
            }
        }
        return new Funnel(asOf, knownAt, List.copyOf(stages), List.copyOf(conversions));
    }

    private static BigDecimal[] filled(int length) {
        BigDecimal[] amounts = new BigDecimal[length];
        Arrays.fill(amounts, NO_INVESTMENT);
        return amounts;
    }
}
