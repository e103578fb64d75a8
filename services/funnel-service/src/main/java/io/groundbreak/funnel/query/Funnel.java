package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The funnel on one valid date, per docs/funnel.md: every stage listed in order, zeros
 * included; a conversion rate is null where the stage it starts from was reached by nobody.
 */
public record Funnel(LocalDate asOf, List<StageFigures> stages, List<Conversion> conversions) {

    private static final BigDecimal NO_INVESTMENT = new BigDecimal("0.00");

    public record StageFigures(Stage stage, long reached, long current, long lost,
                               BigDecimal reachedInvestmentCny, BigDecimal currentInvestmentCny) {
    }

    public record Conversion(Stage from, Stage to, Double rate) {
    }

    /**
     * A project at stage s has reached s and every stage below it (skipped ones count as passed);
     * it is current at s unless terminated, and lost at s if terminated.
     */
    public static Funnel of(LocalDate asOf, Collection<StageTally> tallies) {
        Stage[] order = Stage.values();
        long[] reached = new long[order.length];
        long[] current = new long[order.length];
        long[] lost = new long[order.length];
        BigDecimal[] reachedInvestment = filled(order.length);
        BigDecimal[] currentInvestment = filled(order.length);
        for (StageTally tally : tallies) {
            int at = tally.stage().ordinal();
            for (int passed = 0; passed <= at; passed++) {
                reached[passed] += tally.projects();
                reachedInvestment[passed] = reachedInvestment[passed].add(tally.plannedInvestmentCny());
            }
            if (tally.terminated()) {
                lost[at] += tally.projects();
            } else {
                current[at] += tally.projects();
                currentInvestment[at] = currentInvestment[at].add(tally.plannedInvestmentCny());
            }
        }
        List<StageFigures> stages = new ArrayList<>();
        List<Conversion> conversions = new ArrayList<>();
        for (Stage stage : order) {
            int i = stage.ordinal();
            stages.add(new StageFigures(stage, reached[i], current[i], lost[i], reachedInvestment[i], currentInvestment[i]));
            if (i + 1 < order.length) {
                Double rate = reached[i] == 0 ? null : (double) reached[i + 1] / reached[i];
                conversions.add(new Conversion(stage, order[i + 1], rate));
            }
        }
        return new Funnel(asOf, List.copyOf(stages), List.copyOf(conversions));
    }

    private static BigDecimal[] filled(int length) {
        BigDecimal[] amounts = new BigDecimal[length];
        Arrays.fill(amounts, NO_INVESTMENT);
        return amounts;
    }
}
