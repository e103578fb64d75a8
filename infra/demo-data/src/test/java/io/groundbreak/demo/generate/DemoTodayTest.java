package io.groundbreak.demo.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.demo.plan.CorrectMilestone;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.PeriodClose;
import io.groundbreak.demo.plan.ProjectAction;
import io.groundbreak.demo.plan.ProjectOutcome;
import io.groundbreak.demo.plan.RecordMilestone;
import io.groundbreak.demo.plan.ReportInvestment;
import io.groundbreak.demo.plan.StatusChange;
import io.groundbreak.demo.plan.TargetCell;
import io.groundbreak.demo.plan.YearTargets;
import io.groundbreak.events.Stage;
import io.groundbreak.reference.ReferenceData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The demo carried on from the plan's years to the load's today: any today, never a date after it. */
class DemoTodayTest {

    private static final LocalDate TODAY = LocalDate.now(DemoGenerator.CITY_ZONE);
    private static final DemoPlan PLAN = DemoGenerator.standard(TODAY);
    private static final ReferenceData REFERENCE = ReferenceData.loadDefault();

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-20", "2025-06-15", "2026-03-01", "today"})
    void nothingIsDatedAfterTheLoadsTodayAndThePlansYearsStayTheSame(String day) {
        LocalDate today = day.equals("today") ? TODAY : LocalDate.parse(day);
        DemoPlan plan = DemoGenerator.standard(today);

        assertThat(plan.today()).isEqualTo(today);
        for (DemoProject project : plan.projects()) {
            for (ProjectAction action : project.allActions()) {
                LocalDate effective = action instanceof RecordMilestone recorded ? recorded.effectiveDate()
                        : action instanceof CorrectMilestone corrected ? corrected.effectiveDate()
                        : action instanceof StatusChange change ? change.effectiveDate() : null;
                if (effective != null) {
                    assertThat(effective).as(project.code() + " " + action).isBetween(DemoPlan.FIRST_DAY, today);
                }
                if (action instanceof ReportInvestment report) {
                    assertThat(report.period().isBefore(YearMonth.from(today))).as(project.code() + " " + action).isTrue();
                }
            }
        }
        // a month is closed only once it has ended, and only since the targets' first year
        assertThat(plan.closes().isEmpty()).isEqualTo(today.isBefore(LocalDate.of(DemoPlan.FIRST_CLOSE_YEAR, 2, 1)));
        assertThat(plan.closes()).allSatisfy(close -> assertThat(
                close.period().isBefore(YearMonth.from(today))
                        && !close.period().isBefore(YearMonth.of(DemoPlan.FIRST_CLOSE_YEAR, 1))).as(close.toString()).isTrue());
        assertThat(plan.targets()).extracting(YearTargets::year)
                .containsExactlyElementsOf(IntStream.rangeClosed(DemoPlan.FIRST_DAY.getYear(), today.getYear()).boxed()
                        .toList());
        // the plan's three years' targets split its 300-odd projects and 4,800亿元, give or take the cells' factors
        List<TargetCell> planTargets = plan.targets().stream().filter(year -> year.year() <= DemoPlan.PLAN_END.getYear())
                .flatMap(year -> year.cells().stream()).toList();
        assertThat(planTargets.stream().mapToInt(TargetCell::signed).sum()).isBetween(250, 420);
        assertThat(planTargets.stream().map(TargetCell::plannedInvestmentCny).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add)).isBetween(new java.math.BigDecimal("380000000000"),
                new java.math.BigDecimal("620000000000"));
        // the plan's years are told the same whatever today is: what happens later comes after them
        Map<String, DemoProject> byCode = plan.projects().stream()
                .collect(Collectors.toMap(DemoProject::code, Function.identity()));
        for (DemoProject planYears : DemoGenerator.standard(DemoPlan.PLAN_END).projects()) {
            if (planYears.actions().isEmpty()) {
                continue; // registered only
            }
            assertThat(byCode.get(planYears.code()).actions()).as(planYears.code())
                    .startsWith(planYears.actions().toArray(ProjectAction[]::new));
        }
    }

    @Test
    void theSameDayGivesTheSameDemoAndAnotherDayCarriesItFurther() {
        DemoGenerator generator = DemoGenerator.fromCatalog();
        LocalDate day = LocalDate.of(2025, 6, 15);
        assertThat(generator.generate(DemoGenerator.STANDARD_SEED, day))
                .isEqualTo(generator.generate(DemoGenerator.STANDARD_SEED, day));
        DemoPlan later = generator.generate(DemoGenerator.STANDARD_SEED, day.plusMonths(6));
        assertThat(later.eventCount()).isGreaterThan(generator.generate(DemoGenerator.STANDARD_SEED, day).eventCount());
    }

    @Test
    void eachYearSinceThePlanHasAMixOfLightsAndProjectsMovingAtEveryStage() {
        for (int year = DemoPlan.FIRST_CLOSE_YEAR; year <= TODAY.getYear(); year++) {
            LocalDate day = year < TODAY.getYear() ? LocalDate.of(year, 12, 31) : TODAY;
            Map<Lights.Light, Long> lights = PLAN.outcomes().stream().map(outcome -> Lights.of(outcome, day))
                    .flatMap(light -> light.stream())
                    .collect(Collectors.groupingBy(Function.identity(), () -> new EnumMap<>(Lights.Light.class),
                            Collectors.counting()));
            long lit = lights.values().stream().mapToLong(Long::longValue).sum();
            assertThat(lit).as("lit on " + day).isGreaterThan(80);
            for (Lights.Light light : Lights.Light.values()) {
                assertThat(lights.getOrDefault(light, 0L)).as(light + " on " + day).isGreaterThan(lit * 15 / 100);
            }
            assertThat(lights.get(Lights.Light.RED)).as("red on " + day).isLessThan(lit / 2);

            if (year == TODAY.getYear() && TODAY.getDayOfYear() < 180) {
                continue; // a young year has moved little yet
            }
            LocalDate start = LocalDate.of(year, 1, 1);
            for (Stage stage : Stage.values()) {
                long reachedInYear = PLAN.outcomes().stream().map(outcome -> outcome.reachedOn(stage, day))
                        .filter(on -> on.isPresent() && !on.get().isBefore(start)).count();
                assertThat(reachedInYear).as(stage + " reached in " + year).isGreaterThanOrEqualTo(15);
            }
            assertThat(PLAN.funnelOn(day)).as("on " + day)
                    .allSatisfy(stage -> assertThat(stage.current()).as(stage.stage().name()).isGreaterThan(5));
        }
    }

    @Test
    void mostDistrictsCloseTheirMonthsAFewDoNotAndSomeClosedMonthsAreRestatedLater() {
        Map<YearMonth, Long> closedPerMonth = PLAN.closes().stream()
                .collect(Collectors.groupingBy(PeriodClose::period, Collectors.counting()));
        int districts = REFERENCE.districtCodes().size();
        assertThat(closedPerMonth).hasSizeGreaterThanOrEqualTo(Math.min(12,
                (int) YearMonth.of(DemoPlan.FIRST_CLOSE_YEAR, 1).until(YearMonth.from(TODAY),
                        java.time.temporal.ChronoUnit.MONTHS)));
        assertThat(closedPerMonth.values()).allSatisfy(count -> assertThat(count).isBetween(districts - 3L,
                (long) districts));
        assertThat(PLAN.closes().size()).isLessThan(closedPerMonth.size() * districts);
        assertThat(PLAN.closes()).doesNotHaveDuplicates()
                .allSatisfy(close -> assertThat(REFERENCE.isDistrict(close.district())).isTrue());

        Set<PeriodClose> closed = new HashSet<>(PLAN.closes());
        List<DemoProject> restated = PLAN.projects().stream().filter(project -> !project.restatements().isEmpty())
                .toList();
        assertThat(restated).hasSizeBetween(3, 8);
        assertThat(restated).extracting(DemoProject::district).doesNotHaveDuplicates();
        for (DemoProject project : restated) {
            assertThat(project.restatements()).singleElement().isInstanceOfSatisfying(CorrectMilestone.class,
                    correction -> {
                        LocalDate before = new DemoProject(project.code(), project.name(), project.district(),
                                project.chain(), project.investor(), project.plannedInvestmentCny(), project.park(),
                                project.named(), project.actions()).outcome().stages().get(correction.stage());
                        // into an earlier month: the closed month's figures change
                        assertThat(YearMonth.from(correction.effectiveDate()).isBefore(YearMonth.from(before))).isTrue();
                        // the stage was reached in a month its district closed: the correction restates it
                        assertThat(closed).contains(new PeriodClose(project.district(), YearMonth.from(before)));
                    });
        }
    }

    @Test
    void everyYearHasTargetsForItsDistrictsAndChainsNearWhatTheyAchieve() {
        for (YearTargets year : PLAN.targets()) {
            assertThat(year.cells()).extracting(cell -> cell.district() + "/" + cell.chain()).doesNotHaveDuplicates();
            assertThat(year.cells()).allSatisfy(cell -> {
                assertThat(REFERENCE.isDistrict(cell.district())).isTrue();
                assertThat(REFERENCE.isChain(cell.chain())).isTrue();
            });
            assertThat(year.cells().stream().map(TargetCell::district).distinct().count())
                    .isEqualTo(REFERENCE.districtCodes().size());
            LocalDate end = year.year() < TODAY.getYear() ? LocalDate.of(year.year(), 12, 31) : TODAY;
            long signed = PLAN.outcomes().stream().map(outcome -> outcome.reachedOn(Stage.SIGNED, end))
                    .filter(on -> on.isPresent() && on.get().getYear() == year.year()).count();
            double wholeYear = year.year() < TODAY.getYear() ? 1 : 365.0 / TODAY.getDayOfYear();
            assertThat((double) year.signed()).as("signings targeted in " + year.year())
                    .isBetween(0.7 * signed * wholeYear, 1.6 * signed * wholeYear + 10);
            assertThat(year.reason()).contains(String.valueOf(year.year()));
        }
    }

    @Test
    void projectsCarryPlansPersonsAndSourcesOfTheReferenceData() {
        List<DemoProject> projects = PLAN.projects();
        assertThat(projects).allSatisfy(project -> assertThat(project.supervision()).isNotNull());
        assertThat(projects.stream().filter(project -> !project.supervision().plannedDates().isEmpty()).count())
                .isGreaterThan(projects.size() * 85L / 100).isLessThan(projects.size());
        assertThat(projects.stream().filter(project -> project.supervision().responsiblePerson() != null).count())
                .isGreaterThan(projects.size() * 85L / 100);
        Set<String> sources = new HashSet<>();
        for (DemoProject project : projects) {
            String source = project.supervision().source();
            if (source != null) {
                assertThat(REFERENCE.isSource(source)).as(source).isTrue();
                sources.add(source);
            }
            // at registration the whole plan is ahead: in stage order, equal dates allowed
            List<LocalDate> planned = List.copyOf(project.supervision().plannedDates().values());
            assertThat(planned).as(project.code()).isSortedAccordingTo(LocalDate::compareTo);
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(5);
        // the plans of stages reached: most met, some missed
        long met = 0;
        long missed = 0;
        for (ProjectOutcome outcome : PLAN.outcomes()) {
            for (Map.Entry<Stage, LocalDate> plan : outcome.plannedDates().entrySet()) {
                LocalDate reached = outcome.reachedOn(plan.getKey(), TODAY).orElse(null);
                if (reached != null) {
                    if (plan.getValue().isBefore(reached)) {
                        missed++;
                    } else {
                        met++;
                    }
                }
            }
        }
        assertThat(missed).isPositive().isLessThan(met);
    }
}
