package io.groundbreak.demo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected funnel follows docs/funnel.md on a few hand-made histories. */
class ExpectedFunnelTest {

    private static final LocalDate MARCH = LocalDate.of(2022, 3, 1);
    private static final LocalDate JUNE = LocalDate.of(2022, 6, 1);
    private static final LocalDate SEPTEMBER = LocalDate.of(2022, 9, 1);

    /** signed in March, skips 落地, started in June (corrected from May), planned 10 then amended to 12 */
    private final DemoProject skipper = project("A", "1000000000.00",
            new RecordMilestone(Stage.SIGNED, MARCH, null, null),
            new RecordMilestone(Stage.STARTED, LocalDate.of(2022, 5, 1), null, null),
            new CorrectMilestone(Stage.STARTED, JUNE, null, "开工日期以施工许可证为准"),
            new AmendDetails(null, null, null, new BigDecimal("1200000000.00"), null, "追加投资"));
    /** in talks in March, landed in June by mistake (retracted), terminated in September */
    private final DemoProject terminated = project("B", "300000000.00",
            new RecordMilestone(Stage.TALKS, MARCH, null, null),
            new RecordMilestone(Stage.LANDED, JUNE, null, null),
            new RetractMilestone(Stage.LANDED, "误报"),
            StatusChange.terminate(SEPTEMBER, "投资方撤资"));
    /** registered, never in the funnel */
    private final DemoProject registered = project("C", "500000000.00");

    @Test
    void beforeAnyStageNobodyIsInTheFunnel() {
        List<StageFigures> funnel = ExpectedFunnel.on(outcomes(), MARCH.minusDays(1));
        assertThat(funnel).extracting(StageFigures::reached).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(funnel).extracting(StageFigures::stage).containsExactly(Stage.values());
    }

    @Test
    void skippedStagesCountAsReachedAndCorrectedDatesAndAmendedAmountsApply() {
        List<StageFigures> may = ExpectedFunnel.on(outcomes(), LocalDate.of(2022, 5, 15));
        // the start was corrected to June: in May the project is still signed
        assertThat(may).extracting(StageFigures::reached).containsExactly(2L, 1L, 0L, 0L, 0L);

        List<StageFigures> july = ExpectedFunnel.on(outcomes(), JUNE.plusMonths(1));
        assertThat(july).extracting(StageFigures::reached).containsExactly(2L, 1L, 1L, 1L, 0L);
        assertThat(july).extracting(StageFigures::current).containsExactly(1L, 0L, 0L, 1L, 0L);
        assertThat(july.get(Stage.LANDED.ordinal()).reachedInvestmentCny()).isEqualByComparingTo("1200000000");
        assertThat(july.get(Stage.TALKS.ordinal()).reachedInvestmentCny()).isEqualByComparingTo("1500000000");
    }

    @Test
    void aTerminatedProjectIsLostAtItsStageFromItsTerminationOn() {
        List<StageFigures> before = ExpectedFunnel.on(outcomes(), SEPTEMBER.minusDays(1));
        assertThat(before.get(Stage.TALKS.ordinal()).current()).isEqualTo(1);
        List<StageFigures> after = ExpectedFunnel.on(outcomes(), SEPTEMBER);
        assertThat(after).extracting(StageFigures::lost).containsExactly(1L, 0L, 0L, 0L, 0L);
        assertThat(after.get(Stage.TALKS.ordinal()).current()).isZero();
        assertThat(after.get(Stage.TALKS.ordinal()).currentInvestmentCny()).isEqualByComparingTo("0");
        assertThat(after.get(Stage.TALKS.ordinal()).reached()).isEqualTo(2);
    }

    @Test
    void anOutcomeKnowsItsFinalStageSuspensionAndTermination() {
        ProjectOutcome outcome = project("D", "100000000.00",
                new RecordMilestone(Stage.TALKS, MARCH, null, null),
                StatusChange.suspend(JUNE, "资金未到位")).outcome();
        assertThat(outcome.finalStage()).contains(Stage.TALKS);
        assertThat(outcome.suspendedSince()).isEqualTo(JUNE);
        assertThat(outcome.terminatedOn()).isNull();
        assertThat(registered.outcome().finalStage()).isEmpty();
    }

    private List<ProjectOutcome> outcomes() {
        return List.of(skipper.outcome(), terminated.outcome(), registered.outcome());
    }

    private static DemoProject project(String code, String planned, ProjectAction... actions) {
        return new DemoProject(code, "项目" + code, "120116", "new-energy", "某集团", new BigDecimal(planned), null,
                false, List.of(actions));
    }
}
