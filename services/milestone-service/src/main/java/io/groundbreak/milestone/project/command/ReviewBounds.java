package io.groundbreak.milestone.project.command;

import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Which changes of a project's past need a second person's approval (four eyes, schema 1.3): a correction moving its
 * stage's date by more than {@code correctionDays}, every retraction and termination when asked, an amendment lowering
 * the planned investment by more than {@code investmentDecreasePercent} % or moving a planned stage's date by more than
 * {@code plannedDateDays}. A change at the bound is not above it. Nothing needs approval when not {@code enabled}.
 */
public record ReviewBounds(boolean enabled, int correctionDays, boolean retractions, boolean terminations,
                           BigDecimal investmentDecreasePercent, int plannedDateDays) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    boolean correction(LocalDate recorded, LocalDate corrected) {
        return enabled && days(recorded, corrected) > correctionDays;
    }

    boolean retraction() {
        return enabled && retractions;
    }

    boolean termination() {
        return enabled && terminations;
    }

    /**
     * @param planned     the planned investment now
     * @param amended     the amendment's planned investment, null when it leaves it as it is
     * @param plans       the plan now
     * @param amendedPlans the stages the amendment plans anew, null when none; a stage not planned before does not move
     */
    boolean amendment(BigDecimal planned, BigDecimal amended, PlannedDates plans, PlannedDates amendedPlans) {
        if (!enabled) {
            return false;
        }
        // (planned - amended) / planned > percent / 100, without dividing
        if (amended != null && planned.subtract(amended).multiply(HUNDRED)
                .compareTo(investmentDecreasePercent.multiply(planned)) > 0) {
            return true;
        }
        if (amendedPlans != null) {
            for (Map.Entry<Stage, LocalDate> plan : amendedPlans.byStage().entrySet()) {
                LocalDate before = plans.of(plan.getKey());
                if (before != null && days(before, plan.getValue()) > plannedDateDays) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long days(LocalDate from, LocalDate to) {
        return Math.abs(ChronoUnit.DAYS.between(from, to));
    }
}
