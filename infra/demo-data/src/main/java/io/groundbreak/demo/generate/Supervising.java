package io.groundbreak.demo.generate;

import io.groundbreak.demo.plan.CorrectMilestone;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.PeriodClose;
import io.groundbreak.demo.plan.ProjectOutcome;
import io.groundbreak.demo.plan.StatusChange;
import io.groundbreak.demo.plan.TargetCell;
import io.groundbreak.demo.plan.YearTargets;
import io.groundbreak.events.Stage;
import io.groundbreak.reference.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the city does with the projects: each year's targets per district and chain (ADMIN), the districts'
 * monthly closes of the last {@value #CLOSED_MONTHS} months (a few months left open), and a few backdated
 * corrections posted after a month was closed, each restating that month (docs/funnel.md "The monthly close").
 */
final class Supervising {

    /** Months before today's that the districts close (at load time: only the last can be on time). */
    static final int CLOSED_MONTHS = 12;
    /** Closed months restated by a backdated correction, each in another district. */
    static final int RESTATEMENTS = 8;
    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final List<Stage> COUNTED = List.of(Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.PRODUCING);

    private final Dice dice;
    private final LocalDate today;
    private final Catalog catalog;
    private final List<String> districts = ReferenceData.loadDefault().districtCodes();

    Supervising(Dice dice, LocalDate today, Catalog catalog) {
        this.dice = dice;
        this.today = today;
        this.catalog = catalog;
    }

    /**
     * Every district's months from 2024 on, the last {@value #CLOSED_MONTHS} before today's, month by month:
     * all but two districts' last month, and three earlier months left open.
     */
    List<PeriodClose> closes() {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        YearMonth first = last.minusMonths(CLOSED_MONTHS - 1);
        YearMonth earliest = YearMonth.of(DemoPlan.FIRST_CLOSE_YEAR, 1);
        if (first.isBefore(earliest)) {
            first = earliest;
        }
        List<PeriodClose> all = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            for (String district : districts) {
                all.add(new PeriodClose(district, month));
            }
        }
        if (all.isEmpty()) {
            return all;
        }
        Set<PeriodClose> open = new HashSet<>();
        List<String> late = dice.shuffled(districts).subList(0, 2);
        late.forEach(district -> open.add(new PeriodClose(district, YearMonth.from(today).minusMonths(1))));
        List<PeriodClose> earlier = all.stream().filter(close -> close.period().isBefore(last)).toList();
        if (!earlier.isEmpty()) {
            for (int i = 0; i < 3; i++) {
                open.add(dice.oneOf(earlier));
            }
        }
        return all.stream().filter(close -> !open.contains(close)).toList();
    }

    /**
     * Up to {@value #RESTATEMENTS} projects, each of another district, get a backdated correction of a stage they
     * reached in a month their district closed: the stage dated into the month before (so the closed month's
     * figures change: a date moved within the month would change none), posted after the close. Only projects never
     * suspended nor terminated, and never before the stage below.
     */
    List<DemoProject> restate(List<DemoProject> projects, List<PeriodClose> closes) {
        Set<PeriodClose> closed = new HashSet<>(closes);
        Map<String, DemoProject> restated = new LinkedHashMap<>();
        Set<String> restatedDistricts = new LinkedHashSet<>();
        for (DemoProject project : dice.shuffled(projects)) {
            if (restated.size() == RESTATEMENTS) {
                break;
            }
            if (restatedDistricts.contains(project.district())
                    || project.actions().stream().anyMatch(action -> action instanceof StatusChange)) {
                continue;
            }
            ProjectOutcome outcome = project.outcome();
            for (Map.Entry<Stage, LocalDate> stage : outcome.stages().entrySet()) {
                LocalDate day = stage.getValue();
                if (!closed.contains(new PeriodClose(project.district(), YearMonth.from(day)))) {
                    continue;
                }
                // into the month before: a date moved within the month would change none of its figures
                LocalDate corrected = day.minusDays(day.getDayOfMonth() + dice.between(0, 15));
                boolean fits = true;
                for (Map.Entry<Stage, LocalDate> below : outcome.stages().entrySet()) {
                    fits &= below.getKey().compareTo(stage.getKey()) >= 0 || !corrected.isBefore(below.getValue());
                }
                if (!fits) {
                    continue;
                }
                restated.put(project.code(), project.withRestatements(List.of(new CorrectMilestone(stage.getKey(),
                        corrected, null, "月度调度后核实：" + StoryWriter.DATE_CORRECTIONS.get(stage.getKey())))));
                restatedDistricts.add(project.district());
                break;
            }
        }
        return projects.stream().map(project -> restated.getOrDefault(project.code(), project)).toList();
    }

    /**
     * Each year's targets from the plan's first to today's, per district and chain the district hosts: what the cell
     * achieved that year (this year: at the pace so far, for the whole year) times 0.8 to 1.3 — some cells ahead, some
     * behind — and now and then one signing expected where nothing happened. The plan's three years thus split its
     * 300-odd projects and 4,800亿元 among the districts and chains, about as the plan came out.
     */
    List<YearTargets> targets(List<DemoProject> projects) {
        List<ProjectOutcome> outcomes = projects.stream().map(DemoProject::outcome).toList();
        List<YearTargets> years = new ArrayList<>();
        for (int year = DemoPlan.FIRST_DAY.getYear(); year <= today.getYear(); year++) {
            LocalDate start = LocalDate.of(year, 1, 1);
            LocalDate end = year < today.getYear() ? LocalDate.of(year, 12, 31) : today;
            double wholeYear = year < today.getYear() ? 1.0 : 365.0 / today.getDayOfYear();
            List<TargetCell> cells = new ArrayList<>();
            for (String district : districts) {
                int before = cells.size();
                Set<String> chains = new LinkedHashSet<>(catalog.districts().get(district).chains());
                outcomes.stream().filter(outcome -> outcome.district().equals(district))
                        .forEach(outcome -> chains.add(outcome.chain()));
                for (String chain : chains) {
                    List<ProjectOutcome> cell = outcomes.stream()
                            .filter(outcome -> outcome.district().equals(district) && outcome.chain().equals(chain))
                            .toList();
                    int[] reached = new int[COUNTED.size()];
                    BigDecimal planned = BigDecimal.ZERO;
                    BigDecimal completed = BigDecimal.ZERO;
                    for (ProjectOutcome outcome : cell) {
                        for (int k = 0; k < COUNTED.size(); k++) {
                            LocalDate on = outcome.reachedOn(COUNTED.get(k), end).orElse(null);
                            if (on != null && !on.isBefore(start)) {
                                reached[k]++;
                                if (k == 0) {
                                    planned = planned.add(outcome.plannedInvestmentCny());
                                }
                            }
                        }
                        completed = completed.add(outcome.completedBy(YearMonth.from(end))
                                .subtract(outcome.completedBy(YearMonth.of(year - 1, 12))).max(BigDecimal.ZERO));
                    }
                    double factor = dice.between(0.8, 1.3) * wholeYear;
                    int[] target = new int[COUNTED.size()];
                    for (int k = 0; k < COUNTED.size(); k++) {
                        target[k] = (int) Math.round(reached[k] * factor);
                    }
                    if (reached[0] == 0 && dice.chance(0.25)) {
                        target[0] = 1;
                    }
                    BigDecimal plannedTarget = StoryWriter.roundedTo(planned.multiply(BigDecimal.valueOf(factor)), YI);
                    if (target[0] > 0 && plannedTarget.signum() == 0) {
                        plannedTarget = StoryWriter.roundedTo(YI.multiply(BigDecimal.valueOf(dice.between(3, 20))), YI);
                    }
                    BigDecimal completedTarget = StoryWriter.roundedTo(completed.multiply(BigDecimal.valueOf(factor)),
                            MILLION);
                    if (target[0] + target[1] + target[2] + target[3] == 0 && completedTarget.signum() == 0) {
                        continue;
                    }
                    cells.add(new TargetCell(district, chain, target[0], target[1], target[2], target[3],
                            plannedTarget, completedTarget));
                }
                if (cells.size() == before) {
                    // a quiet district is still expected to sign one project of its main chain
                    cells.add(new TargetCell(district, chains.iterator().next(), 1, 0, 0, 0,
                            StoryWriter.roundedTo(YI.multiply(BigDecimal.valueOf(dice.between(3, 20))), YI),
                            BigDecimal.ZERO.setScale(2)));
                }
            }
            if (!cells.isEmpty()) {
                years.add(new YearTargets(year, year + "年度招商引资项目目标分解（签约、落地、开工、投产及投资）", cells));
            }
        }
        return years;
    }
}
