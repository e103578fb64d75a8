package io.groundbreak.demo.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.demo.load.ApiRequest;
import io.groundbreak.demo.load.ApiRequests;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.DemoProject;
import io.groundbreak.demo.plan.Money;
import io.groundbreak.demo.plan.ProjectOutcome;
import io.groundbreak.demo.plan.StageFigures;
import io.groundbreak.events.Stage;
import io.groundbreak.reference.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {

    private static final LocalDate TODAY = LocalDate.now(DemoGenerator.CITY_ZONE);
    private static final DemoPlan PLAN = DemoGenerator.standard(TODAY);

    /** The plan's projects that issue 7 names; the demo must carry each of them under this name. */
    private static final List<String> NAMED_IN_THE_ISSUE = List.of("国家电投新一代燃料电池", "国氢新能源",
            "中芯国际集成电路生产线扩产", "飞腾芯片研发总部", "华海清科扩能", "力神动力电池扩产", "爱旭太阳能电池基地二期",
            "中沙聚碳酸酯", "中石化120万吨/年乙烯", "空客新总装线", "一汽丰田新能源汽车", "药明康德北方基地二期", "金耀药业",
            "忠旺高精铝材");

    @Test
    void theSameSeedGivesTheSameDemoAndAnotherSeedAnotherOne() {
        DemoGenerator generator = DemoGenerator.fromCatalog();
        assertThat(generator.generate(DemoGenerator.STANDARD_SEED, TODAY)).isEqualTo(PLAN);
        assertThat(requestsOf(generator.generate(DemoGenerator.STANDARD_SEED, TODAY))).isEqualTo(requestsOf(PLAN));
        assertThat(generator.generate(DemoGenerator.STANDARD_SEED + 1, TODAY)).isNotEqualTo(PLAN);
    }

    @Test
    void aboutThreeHundredTwentyProjectsWorthAboutFourThousandEightHundredYi() {
        DemoPlan planYears = DemoGenerator.standard(DemoPlan.PLAN_END);
        assertThat(planYears.projects()).hasSize(DemoGenerator.PROJECTS);
        assertThat(DemoGenerator.PROJECTS).isBetween(300, 340);
        // the generated projects are scaled to the total; rounding each to millions leaves it within 1 %
        BigDecimal tolerance = DemoGenerator.PLANNED_INVESTMENT_CNY.movePointLeft(2);
        assertThat(planYears.plannedInvestmentCny())
                .isBetween(DemoGenerator.PLANNED_INVESTMENT_CNY.subtract(tolerance),
                        DemoGenerator.PLANNED_INVESTMENT_CNY.add(tolerance));
        assertThat(DemoGenerator.PLANNED_INVESTMENT_CNY).isEqualByComparingTo(Money.ofYi(new BigDecimal(4800)));
    }

    @Test
    void theNamedProjectsOfThePlanArePresentBesideGeneratedOnes() {
        List<String> named = PLAN.projects().stream().filter(DemoProject::named).map(DemoProject::name).toList();
        assertThat(named).containsAll(NAMED_IN_THE_ISSUE).hasSizeGreaterThan(NAMED_IN_THE_ISSUE.size());
        assertThat(PLAN.projects()).filteredOn(project -> !project.named()).hasSizeGreaterThan(named.size());
    }

    @Test
    void everyProjectIsRegisteredPlausiblyAndOnce() {
        ReferenceData reference = ReferenceData.loadDefault();
        assertThat(PLAN.projects()).allSatisfy(project -> {
            assertThat(reference.isDistrict(project.district())).as(project.code()).isTrue();
            assertThat(reference.isChain(project.chain())).as(project.code()).isTrue();
            assertThat(project.code()).matches("TJ-[A-Z]{2}-20[2-9][0-9]-[0-9]{3}");
            assertThat(Integer.parseInt(project.code().substring(6, 10))).isBetween(2021, TODAY.getYear());
            assertThat(project.plannedInvestmentCny()).as(project.code()).isGreaterThanOrEqualTo(Money.YI)
                    .hasScaleOf(2);
            assertThat(project.name()).isNotBlank();
            assertThat(project.investor()).isNotBlank();
        });
        assertThat(PLAN.projects()).extracting(DemoProject::code).doesNotHaveDuplicates();
        assertThat(PLAN.projects()).extracting(DemoProject::projectId).doesNotHaveDuplicates();
        assertThat(PLAN.projects()).extracting(DemoProject::name).doesNotHaveDuplicates();
        // every district of the reference data has projects, the new area the most
        Map<String, Long> perDistrict = new HashMap<>();
        PLAN.projects().forEach(project -> perDistrict.merge(project.district(), 1L, Long::sum));
        assertThat(perDistrict.keySet()).containsExactlyInAnyOrderElementsOf(reference.districtCodes());
    }

    @Test
    void everyHistoryObeysTheRulesAndStaysBetweenThePlansStartAndToday() {
        int checked = 0;
        for (DemoProject project : PLAN.projects()) {
            MilestoneRules rules = new MilestoneRules();
            ApiRequests.of(project).forEach(rules::accept);
            ApiRequests.restatementsOf(project).forEach(rules::accept);
            // a change left waiting for review is valid too: a reviewer could approve it
            PLAN.pendingReviews().stream().filter(review -> review.project().equals(project))
                    .forEach(review -> rules.accept(ApiRequests.of(review)));
            assertThat(rules.violations()).as(project.code()).isEmpty();
            assertThat(rules.effectiveDates()).as(project.code())
                    .allSatisfy(day -> assertThat(day).isBetween(LocalDate.of(2021, 1, 1), TODAY));
            checked += project.eventCount();
        }
        // a few thousand requests: the load is benchmarked (infra/bench), every request costs
        assertThat(PLAN.pendingReviews()).hasSize(DemoGenerator.PENDING_REVIEWS)
                .extracting(review -> review.project().district()).doesNotHaveDuplicates();
        assertThat(checked + PLAN.targets().size() + PLAN.pendingReviews().size()).isEqualTo(PLAN.eventCount())
                .isBetween(2_000, 3_500);
    }

    @Test
    void theHistoriesHoldEveryKindOfEvent() {
        Map<String, Integer> happenings = new HashMap<>();
        for (DemoProject project : PLAN.projects()) {
            MilestoneRules rules = new MilestoneRules();
            ApiRequests.of(project).forEach(rules::accept);
            rules.happenings().forEach((what, times) -> happenings.merge(what, times, Integer::sum));
        }
        assertThat(happenings.keySet()).contains("skip", "correction", "retraction", "suspension", "resumption",
                "termination", "investment report", "amendment");
        // a few, not a flood: each kind of trouble befalls a minority of projects
        for (String trouble : List.of("correction", "retraction", "suspension", "termination", "amendment")) {
            assertThat(happenings.get(trouble)).as(trouble).isBetween(3, PLAN.projects().size() / 5);
        }
    }

    @Test
    void mostProjectsAreSignedFewerLandedFewerStartedSomeProducingAndAHandfulStalled() {
        List<StageFigures> funnel = PLAN.funnelOn(DemoPlan.PLAN_END);
        long registered = PLAN.projects().size();
        assertThat(reached(funnel, Stage.SIGNED)).isGreaterThan(registered / 2);
        assertThat(reached(funnel, Stage.TALKS)).isLessThan(registered); // a few registered, never in the funnel
        assertThat(reached(funnel, Stage.SIGNED)).isGreaterThan(reached(funnel, Stage.LANDED));
        assertThat(reached(funnel, Stage.LANDED)).isGreaterThan(reached(funnel, Stage.STARTED));
        assertThat(reached(funnel, Stage.STARTED)).isGreaterThan(reached(funnel, Stage.PRODUCING));
        assertThat(reached(funnel, Stage.PRODUCING)).isGreaterThan(registered / 10);
        assertThat(funnel.stream().mapToLong(StageFigures::lost).sum()).isPositive();

        long stalled = PLAN.outcomes().stream().filter(outcome -> heldLongerThanAYear(outcome, DemoPlan.PLAN_END)).count();
        assertThat(stalled).isBetween(3L, 20L);
    }

    @Test
    void theFunnelGrowsOverThePlansYears() {
        long before = PLAN.projectsInFunnelOn(LocalDate.of(2020, 12, 31));
        long midway = PLAN.projectsInFunnelOn(LocalDate.of(2022, 6, 30));
        long atThePlansEnd = PLAN.projectsInFunnelOn(DemoPlan.PLAN_END);
        long atTheEnd = PLAN.projectsInFunnelOn(TODAY);
        assertThat(before).isZero();
        assertThat(midway).isBetween(atThePlansEnd / 5, atThePlansEnd - 1);
        assertThat(atThePlansEnd).isLessThan(atTheEnd);
        assertThat(PLAN.projectsInFunnelOn(TODAY.plusYears(1))).isEqualTo(atTheEnd);
    }

    private static boolean heldLongerThanAYear(ProjectOutcome outcome, LocalDate day) {
        return outcome.stageOn(day).filter(stage -> stage != Stage.PRODUCING)
                .filter(stage -> !outcome.terminatedOn(day))
                .map(stage -> ChronoUnit.DAYS.between(outcome.stages().get(stage), day) > 365)
                .orElse(false);
    }

    private static long reached(List<StageFigures> funnel, Stage stage) {
        return funnel.get(stage.ordinal()).reached();
    }

    private static List<ApiRequest> requestsOf(DemoPlan plan) {
        List<ApiRequest> requests = new ArrayList<>();
        plan.projects().forEach(project -> requests.addAll(ApiRequests.of(project)));
        return requests;
    }
}
