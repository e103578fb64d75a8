package io.groundbreak.demo.plan;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The funnel on a day as docs/funnel.md defines it, computed from the demo's own outcomes. */
public final class ExpectedFunnel {

    private ExpectedFunnel() {
    }

    /** All five stages in order, zeros included. */
    public static List<StageFigures> on(List<ProjectOutcome> outcomes, LocalDate day) {
        int stages = Stage.values().length;
        long[] reached = new long[stages];
        long[] current = new long[stages];
        long[] lost = new long[stages];
        BigDecimal[] reachedInvestment = new BigDecimal[stages];
        BigDecimal[] currentInvestment = new BigDecimal[stages];
        for (int i = 0; i < stages; i++) {
            reachedInvestment[i] = BigDecimal.ZERO;
            currentInvestment[i] = BigDecimal.ZERO;
        }
        for (ProjectOutcome outcome : outcomes) {
            Optional<Stage> stage = outcome.stageOn(day);
            if (stage.isEmpty()) {
                continue;
            }
            int at = stage.get().ordinal();
            // skipped stages count as passed: every stage up to the project's own is reached
            for (int i = 0; i <= at; i++) {
                reached[i]++;
                reachedInvestment[i] = reachedInvestment[i].add(outcome.plannedInvestmentCny());
            }
            if (outcome.terminatedOn(day)) {
                lost[at]++;
            } else {
                current[at]++;
                currentInvestment[at] = currentInvestment[at].add(outcome.plannedInvestmentCny());
            }
        }
        List<StageFigures> figures = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            int i = stage.ordinal();
            figures.add(new StageFigures(stage, reached[i], current[i], lost[i], reachedInvestment[i],
                    currentInvestment[i]));
        }
        return figures;
    }
}
