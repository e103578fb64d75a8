package io.groundbreak.demo.generate;

import io.groundbreak.demo.plan.ReportInvestment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's cumulative completed investment from construction on: it grows towards a share of the planned
 * amount by production, then slowly to nearly all of it; a project suspended since a day stands still from then.
 * The plan's years ({@link StoryWriter}) and the later ones ({@link Continuation}) report along the same curve.
 */
record CompletionCurve(LocalDate started, LocalDate producing, long daysToProduction, double shareAtProduction,
                       LocalDate suspendedSince) {

    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    /**
     * The share reached at production, drawn; so are the days to production of a project that has not produced
     * (from 540 to {@code mostDaysToProduction}).
     */
    static CompletionCurve draw(Dice dice, LocalDate started, LocalDate producing, int mostDaysToProduction,
                                LocalDate suspendedSince) {
        double shareAtProduction = dice.between(0.6, 0.9);
        long daysToProduction = producing != null ? Math.max(1, ChronoUnit.DAYS.between(started, producing))
                : dice.between(540, mostDaysToProduction);
        return new CompletionCurve(started, producing, daysToProduction, shareAtProduction, suspendedSince);
    }

    /**
     * A report for each period with something completed, filed on the 10th of the month after; never less than
     * the one before, nor than {@code previous}, what was reported before these periods.
     */
    List<Step> reports(List<YearMonth> periods, BigDecimal plannedCny, BigDecimal previous) {
        List<Step> reports = new ArrayList<>();
        for (YearMonth period : periods) {
            BigDecimal share = BigDecimal.valueOf(shareBy(period.atEndOfMonth()));
            BigDecimal completed = StoryWriter.roundedTo(plannedCny.multiply(share), TEN_THOUSAND).max(previous);
            if (completed.signum() > 0) {
                reports.add(new Step(period.plusMonths(1).atDay(10), new ReportInvestment(period, completed)));
                previous = completed;
            }
        }
        return reports;
    }

    private double shareBy(LocalDate day) {
        LocalDate until = suspendedSince != null && day.isAfter(suspendedSince) ? suspendedSince : day;
        long days = Math.max(0, ChronoUnit.DAYS.between(started, until));
        return producing != null && days >= daysToProduction
                ? shareAtProduction + (0.98 - shareAtProduction) * Math.min(1, (days - daysToProduction) / 365.0)
                : shareAtProduction * Math.min(1, (double) days / daysToProduction);
    }
}
