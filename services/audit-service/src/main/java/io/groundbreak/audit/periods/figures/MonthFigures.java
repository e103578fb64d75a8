package io.groundbreak.audit.periods.figures;

import io.groundbreak.audit.funnel.replay.Funnel;
import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.funnel.replay.ProjectState;
import io.groundbreak.audit.funnel.replay.StageFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A district's figures for a month (docs/funnel.md "The monthly close"), from the bitemporal funnel of the month's
 * last day and of the previous month's last day: a project's stage only grows with the valid date, so the projects
 * that reached a stage during the month are the difference of the two {@code reached}, and those lost during it the
 * difference of the two {@code lost}. Plus the investment reports for the month: how many projects reported and their
 * cumulative completed investment. Duplicates count in none of them.
 */
public record MonthFigures(List<MonthStage> stages, long lostInMonth, long investmentReports,
                           BigDecimal completedInvestmentCny) {

    private static final BigDecimal NO_INVESTMENT = new BigDecimal("0.00");

    static MonthFigures of(YearMonth period, String district, Instant knownAt, Collection<PeriodProject> known) {
        List<PeriodProject> projects = known.stream().filter(project -> !project.isDuplicate()).toList();
        List<ProjectState> states = projects.stream().map(PeriodProject::funnel).toList();
        FunnelScope scope = FunnelScope.district(district);
        Funnel atEnd = Funnel.of(period.atEndOfMonth(), knownAt, states, scope);
        Funnel before = Funnel.of(period.minusMonths(1).atEndOfMonth(), knownAt, states, scope);
        List<MonthStage> stages = new ArrayList<>();
        long lostInMonth = 0;
        for (int i = 0; i < atEnd.stages().size(); i++) {
            StageFigures end = atEnd.stages().get(i);
            StageFigures start = before.stages().get(i);
            stages.add(new MonthStage(end.stage(), end.reached() - start.reached(), end.reached(), end.current(),
                    end.lost(), end.reachedInvestmentCny(), end.currentInvestmentCny()));
            lostInMonth += end.lost() - start.lost();
        }
        long reports = 0;
        BigDecimal completed = NO_INVESTMENT;
        for (PeriodProject project : projects) {
            if (!district.equals(project.funnel().district())) {
                continue;
            }
            Optional<BigDecimal> report = project.reportedFor(period);
            if (report.isPresent()) {
                reports++;
                completed = completed.add(report.get());
            }
        }
        return new MonthFigures(List.copyOf(stages), lostInMonth, reports, completed);
    }

    /** Every figure that differs in {@code after}, stage figures first, in the answer's order. */
    List<FigureChange> changesTo(MonthFigures after) {
        List<FigureChange> changes = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            MonthStage from = stages.get(i);
            MonthStage to = after.stages.get(i);
            String stage = from.stage().name();
            count(changes, "reachedInMonth", stage, from.reachedInMonth(), to.reachedInMonth());
            count(changes, "reached", stage, from.reached(), to.reached());
            count(changes, "current", stage, from.current(), to.current());
            count(changes, "lost", stage, from.lost(), to.lost());
            amount(changes, "reachedInvestmentCny", stage, from.reachedInvestmentCny(), to.reachedInvestmentCny());
            amount(changes, "currentInvestmentCny", stage, from.currentInvestmentCny(), to.currentInvestmentCny());
        }
        count(changes, "lostInMonth", null, lostInMonth, after.lostInMonth);
        count(changes, "investmentReports", null, investmentReports, after.investmentReports);
        amount(changes, "completedInvestmentCny", null, completedInvestmentCny, after.completedInvestmentCny);
        return changes;
    }

    private static void count(List<FigureChange> changes, String figure, String stage, long before, long after) {
        if (before != after) {
            changes.add(new FigureChange(figure, stage, Long.toString(before), Long.toString(after),
                    Long.toString(after - before)));
        }
    }

    private static void amount(List<FigureChange> changes, String figure, String stage, BigDecimal before,
                               BigDecimal after) {
        if (before.compareTo(after) != 0) {
            changes.add(new FigureChange(figure, stage, before.toPlainString(), after.toPlainString(),
                    after.subtract(before).toPlainString()));
        }
    }
}
