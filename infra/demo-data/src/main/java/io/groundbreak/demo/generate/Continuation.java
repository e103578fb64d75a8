package io.groundbreak.demo.generate;

import static io.groundbreak.demo.plan.DemoPlan.PLAN_END;

import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.ProjectAction;
import io.groundbreak.demo.plan.ProjectOutcome;
import io.groundbreak.demo.plan.RecordMilestone;
import io.groundbreak.demo.plan.StatusChange;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The years after the plan's three, up to the load's today: a plan project's story goes on from where it stood at
 * the end of 2023 (most move on at a believable pace, some stall, some are terminated, some finish; a suspended one
 * is resumed, terminated or still waits), a newcomer's story starts in its year and runs forward, and every project
 * under construction reports its completed investment: at each year's end, and monthly over the last
 * {@value #MONTHLY_REPORTS} months. Nothing is dated after today. Drawn from its own seeded source, so the plan's
 * years are the same whatever today is.
 */
final class Continuation {

    /** Months before the current one with a monthly report of every project under construction or producing. */
    static final int MONTHLY_REPORTS = 3;
    private static final LocalDate AFTER_THE_PLAN = PLAN_END.plusDays(8);

    private final Dice dice;
    private final LocalDate today;

    Continuation(Dice dice, LocalDate today) {
        this.dice = dice;
        this.today = today;
    }

    /** What a plan project posts after 2023, in posting order. */
    List<ProjectAction> continueStory(DemoProject project, ProjectDraft draft) {
        ProjectOutcome outcome = project.outcome();
        if (outcome.terminatedOn() != null || !today.isAfter(AFTER_THE_PLAN.plusDays(30))) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        Stage stage = outcome.finalStage().orElse(null);
        LocalDate stageDay = stage == null ? null : outcome.stages().get(stage);
        LocalDate latest = today.minusDays(10);
        LocalDate suspendedSince = outcome.suspendedSince();
        boolean moving = false;
        LocalDate from = stageDay;
        if (suspendedSince != null) {
            double fate = dice.between(0.0, 1.0);
            LocalDate earliest = later(suspendedSince.plusDays(60), AFTER_THE_PLAN);
            if (fate < 0.5 && earliest.isBefore(latest)) {
                LocalDate resumedOn = dice.day(earliest, earlier(earliest.plusDays(300), latest));
                steps.add(new Step(resumedOn, StatusChange.resume(resumedOn, dice.oneOf(StoryWriter.RESUMPTION_REASONS))));
                suspendedSince = null;
                moving = true;
                from = resumedOn;
            } else if (fate < 0.75 && earliest.isBefore(latest)) {
                return terminated(steps, earliest, latest);
            }
        } else if (draft.incidents.contains(Incident.STALLED)) {
            if (dice.chance(0.3)) {
                return terminated(steps, AFTER_THE_PLAN, latest);
            }
        } else if (stage == null) {
            if (dice.chance(0.45) && !draft.incidents.contains(Incident.ONLY_STAGE_RETRACTED)) {
                LocalDate entered = dice.day(AFTER_THE_PLAN, latest);
                Stage first = dice.chance(0.6) ? Stage.TALKS : Stage.SIGNED;
                steps.add(new Step(entered, milestone(project.plannedInvestmentCny(), first, entered)));
                stage = first;
                stageDay = entered;
                from = entered;
                moving = true;
            }
        } else if (stage != Stage.PRODUCING) {
            double fate = dice.between(0.0, 1.0);
            if (fate < 0.07) {
                return terminated(steps, later(stageDay.plusDays(60), AFTER_THE_PLAN), latest);
            }
            moving = fate >= 0.15; // the others stall where they stood
        }
        if (moving) {
            // the plan's late movers: slower than the plan's years
            forward(project.plannedInvestmentCny(), stage, stageDay, from, dice.between(1.0, 1.8), steps);
        }
        List<Step> reports = reports(project, steps, suspendedSince);
        steps.addAll(reports);
        steps.sort(Comparator.comparing(Step::postedOn));
        return steps.stream().map(Step::action).toList();
    }

    /** A newcomer's story from its first stage on {@code firstDay}, forward at its own pace. */
    List<ProjectAction> newcomerStory(ProjectDraft draft, LocalDate firstDay) {
        List<Step> steps = new ArrayList<>();
        double entry = dice.between(0.0, 1.0);
        Stage first = entry < 0.6 ? Stage.TALKS : entry < 0.95 ? Stage.SIGNED : Stage.LANDED;
        steps.add(new Step(firstDay, milestone(draft.plannedInvestmentCny, first, firstDay)));
        // some talks drag on: still no contract
        if (first != Stage.TALKS || !dice.chance(0.15)) {
            forward(draft.plannedInvestmentCny, first, firstDay, firstDay, dice.between(0.7, 1.4), steps);
        }
        LocalDate last = steps.get(steps.size() - 1).postedOn();
        if (dice.chance(0.06) && last.plusDays(60).isBefore(today.minusDays(10))) {
            LocalDate terminatedOn = dice.day(last.plusDays(60), today.minusDays(10));
            steps.add(new Step(terminatedOn, StatusChange.terminate(terminatedOn,
                    dice.oneOf(StoryWriter.TERMINATION_REASONS))));
            return steps.stream().map(Step::action).toList();
        }
        DemoProject sketch = new DemoProject("sketch", draft.name, draft.district, draft.chain, draft.investor,
                draft.plannedInvestmentCny, draft.park, false, List.of());
        steps.addAll(reports(sketch, steps, null));
        steps.sort(Comparator.comparing(Step::postedOn));
        return steps.stream().map(Step::action).toList();
    }

    /** The stages above {@code stage}, each after its usual time times the pace, as long as they fall before today. */
    private void forward(BigDecimal planned, Stage stage, LocalDate stageDay, LocalDate from, double pace,
                         List<Step> steps) {
        Stage current = stage;
        LocalDate day = later(stageDay, from);
        LocalDate latest = today.minusDays(2);
        while (current != Stage.PRODUCING) {
            Stage next = Stage.values()[current.ordinal() + 1];
            if (next != Stage.PRODUCING && dice.chance(0.07)) {
                next = Stage.values()[next.ordinal() + 1]; // skipped: it happened with the one above
            }
            int days = 0;
            for (Stage passed : Stage.values()) {
                if (passed.compareTo(current) > 0 && passed.compareTo(next) <= 0) {
                    int[] range = StoryWriter.DAYS_TO_REACH.get(passed);
                    days += dice.between(range[0], range[1]);
                }
            }
            // building to production takes its time whatever the pace before
            double stagePace = next == Stage.PRODUCING ? Math.min(pace, 1.0) : pace;
            LocalDate reached = day.plusDays(Math.max(1, Math.round(days * stagePace)));
            if (reached.isAfter(latest)) {
                return;
            }
            steps.add(new Step(reached, milestone(planned, next, reached)));
            current = next;
            day = reached;
        }
    }

    private RecordMilestone milestone(BigDecimal planned, Stage stage, LocalDate day) {
        BigDecimal amount = stage == Stage.SIGNED && dice.chance(0.7) ? planned : null;
        String note = dice.chance(0.3) ? dice.oneOf(StoryWriter.NOTES.get(stage)) : null;
        return new RecordMilestone(stage, day, amount, note);
    }

    private List<ProjectAction> terminated(List<Step> steps, LocalDate earliest, LocalDate latest) {
        if (earliest.isAfter(latest)) {
            return steps.stream().map(Step::action).toList();
        }
        LocalDate terminatedOn = dice.day(earliest, earlier(earliest.plusDays(500), latest));
        steps.add(new Step(terminatedOn, StatusChange.terminate(terminatedOn, dice.oneOf(StoryWriter.TERMINATION_REASONS))));
        return steps.stream().map(Step::action).toList();
    }

    /**
     * Cumulative completed investment from construction on (the plan years' curve: most of the planned amount by
     * production, then slowly nearly all of it), never less than reported before; standing still while suspended.
     * At the last year-end and for each of the last {@value #MONTHLY_REPORTS} months before today's, while
     * under construction, and once more after production started (few requests: the load is benchmarked).
     */
    private List<Step> reports(DemoProject project, List<Step> later, LocalDate suspendedSince) {
        List<ProjectAction> all = new ArrayList<>(project.actions());
        later.forEach(step -> all.add(step.action()));
        ProjectOutcome outcome = new DemoProject(project.code(), project.name(), project.district(), project.chain(),
                project.investor(), project.plannedInvestmentCny(), project.park(), false, all).outcome();
        LocalDate started = outcome.reachedOn(Stage.STARTED, today).orElse(null);
        if (started == null) {
            return List.of();
        }
        LocalDate producing = outcome.stages().get(Stage.PRODUCING);
        CompletionCurve curve = CompletionCurve.draw(dice, started, producing, 1100, suspendedSince);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        YearMonth firstMonthly = lastMonth.minusMonths(MONTHLY_REPORTS - 1);
        List<YearMonth> periods = new ArrayList<>();
        // the last year-end before the monthly reports
        for (int year = Math.max(Math.max(PLAN_END.getYear() + 1, started.getYear()), firstMonthly.getYear() - 1);
             YearMonth.of(year, 12).isBefore(firstMonthly); year++) {
            periods.add(YearMonth.of(year, 12));
        }
        for (YearMonth month = firstMonthly; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            periods.add(month);
        }
        List<YearMonth> reported = new ArrayList<>();
        boolean producedBefore = false;
        for (YearMonth period : periods) {
            if (period.isBefore(YearMonth.from(started)) || period.isBefore(YearMonth.from(PLAN_END).plusMonths(1))) {
                continue;
            }
            // under construction; once producing, only the first report after
            boolean producingThen = producing != null && !producing.isAfter(period.atEndOfMonth());
            if (producingThen && producedBefore) {
                continue;
            }
            producedBefore = producingThen;
            reported.add(period);
        }
        BigDecimal previous = outcome.reports().isEmpty() ? BigDecimal.ZERO : outcome.reports().lastEntry().getValue();
        return curve.reports(reported, outcome.plannedInvestmentCny(), previous);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
