package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Every demo project with its history, generated from {@code seed} for a load on {@code today} (Asia/Shanghai):
 * the plan's years and the years since, up to that day; the targets of each year since 2024 (ADMIN), the months
 * the districts closed (their offices), in the order they are posted, and a few changes left waiting for review.
 */
public record DemoPlan(long seed, LocalDate today, List<DemoProject> projects, List<YearTargets> targets,
                       List<PeriodClose> closes, List<PendingReview> pendingReviews) {

    /** The stories start with the plan; every effective date lies between this day and {@link #today}. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
    /** The plan's three years end here: the part of each story up to this day does not depend on today. */
    public static final LocalDate PLAN_END = LocalDate.of(2023, 12, 31);
    /** The first year a district may have closed months in (targets begin with the plan, {@link #FIRST_DAY}'s year). */
    public static final int FIRST_CLOSE_YEAR = 2024;

    public DemoPlan {
        Objects.requireNonNull(today);
        projects = List.copyOf(projects);
        targets = List.copyOf(targets);
        closes = List.copyOf(closes);
        pendingReviews = List.copyOf(pendingReviews);
    }

    /** Projects only, nothing else posted (a plan made by hand, e.g. in a test). */
    public DemoPlan(long seed, List<DemoProject> projects) {
        this(seed, PLAN_END, projects, List.of(), List.of(), List.of());
    }

    /**
     * Events the load records: every registration, action and restatement, one per year's targets and one per change
     * left waiting for review (its request). A change that a reviewer approves adds two more (approval and change).
     */
    public int eventCount() {
        return projects.stream().mapToInt(DemoProject::eventCount).sum() + targets.size() + pendingReviews.size();
    }

    /** Requests the load sends that record an event or a close. */
    public int writeCount() {
        return eventCount() + closes.size();
    }

    public List<ProjectOutcome> outcomes() {
        return projects.stream().map(DemoProject::outcome).toList();
    }

    /** Planned investment of all projects as finally amended. */
    public BigDecimal plannedInvestmentCny() {
        return outcomes().stream().map(ProjectOutcome::plannedInvestmentCny).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Projects with a stage on the day: what the funnel's TALKS row reaches. */
    public long projectsInFunnelOn(LocalDate day) {
        return outcomes().stream().filter(outcome -> outcome.stageOn(day).isPresent()).count();
    }

    public List<StageFigures> funnelOn(LocalDate day) {
        return ExpectedFunnel.on(outcomes(), day);
    }
}
