package io.groundbreak.demo.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Every demo project with its history, generated from {@code seed}. */
public record DemoPlan(long seed, List<DemoProject> projects) {

    /** The stories span the plan's three years; every effective date lies in between. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
    public static final LocalDate LAST_DAY = LocalDate.of(2023, 12, 31);

    public DemoPlan {
        projects = List.copyOf(projects);
    }

    /** Requests to post, one event each: every registration and every action. */
    public int eventCount() {
        return projects.stream().mapToInt(DemoProject::eventCount).sum();
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
