package io.groundbreak.funnel.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-12-31");

    @Test
    void anEmptyFunnelListsEveryStageInOrderWithZerosAndNoRates() {
        Funnel funnel = Funnel.of(AS_OF, List.of());

        assertThat(funnel.asOf()).isEqualTo(AS_OF);
        assertThat(funnel.stages()).extracting(Funnel.StageFigures::stage).containsExactly(Stage.values());
        assertThat(funnel.stages()).allSatisfy(stage -> {
            assertThat(stage.reached()).isZero();
            assertThat(stage.current()).isZero();
            assertThat(stage.lost()).isZero();
            assertThat(stage.reachedInvestmentCny()).isEqualTo(new BigDecimal("0.00"));
            assertThat(stage.currentInvestmentCny()).isEqualTo(new BigDecimal("0.00"));
        });
        assertThat(funnel.conversions()).extracting(Funnel.Conversion::from)
                .containsExactly(Stage.TALKS, Stage.SIGNED, Stage.LANDED, Stage.STARTED);
        assertThat(funnel.conversions()).extracting(Funnel.Conversion::to)
                .containsExactly(Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.PRODUCING);
        assertThat(funnel.conversions()).extracting(Funnel.Conversion::rate).containsOnlyNulls();
    }

    @Test
    void aProjectHasReachedItsStageAndEveryStageBelowIncludingSkippedOnes() {
        Funnel funnel = Funnel.of(AS_OF, List.of(tally(Stage.STARTED, false, 2, "300.00")));

        assertThat(funnel.stages()).extracting(Funnel.StageFigures::reached).containsExactly(2L, 2L, 2L, 2L, 0L);
        assertThat(funnel.stages()).extracting(Funnel.StageFigures::current).containsExactly(0L, 0L, 0L, 2L, 0L);
        assertThat(funnel.stages()).extracting(Funnel.StageFigures::reachedInvestmentCny)
                .containsExactly(amounts("300.00", "300.00", "300.00", "300.00", "0.00"));
        assertThat(funnel.stages()).extracting(Funnel.StageFigures::currentInvestmentCny)
                .containsExactly(amounts("0.00", "0.00", "0.00", "300.00", "0.00"));
    }

    @Test
    void aTerminatedProjectIsLostAtItsStageButStillCountsAsHavingReachedIt() {
        Funnel funnel = Funnel.of(AS_OF, List.of(
                tally(Stage.SIGNED, true, 1, "50.00"),
                tally(Stage.SIGNED, false, 3, "150.00"),
                tally(Stage.LANDED, false, 1, "10.00")));

        Funnel.StageFigures signed = funnel.stages().get(Stage.SIGNED.ordinal());
        assertThat(signed.reached()).isEqualTo(5);
        assertThat(signed.current()).isEqualTo(3);
        assertThat(signed.lost()).isEqualTo(1);
        assertThat(signed.reachedInvestmentCny()).isEqualTo(new BigDecimal("210.00"));
        assertThat(signed.currentInvestmentCny()).isEqualTo(new BigDecimal("150.00"));
        assertThat(funnel.stages()).extracting(Funnel.StageFigures::lost).containsExactly(0L, 1L, 0L, 0L, 0L);
    }

    @Test
    void conversionIsReachedNextOverReachedAndNullWhenNobodyReachedTheStage() {
        Funnel funnel = Funnel.of(AS_OF, List.of(
                tally(Stage.TALKS, false, 1, "1.00"),
                tally(Stage.SIGNED, true, 1, "1.00"),
                tally(Stage.LANDED, false, 2, "1.00")));

        assertThat(funnel.conversions()).extracting(Funnel.Conversion::rate)
                .containsExactly(3.0 / 4, 2.0 / 3, 0.0, null);
    }

    private static StageTally tally(Stage stage, boolean terminated, long projects, String investment) {
        return new StageTally(stage, terminated, projects, new BigDecimal(investment));
    }

    private static BigDecimal[] amounts(String... amounts) {
        return java.util.Arrays.stream(amounts).map(BigDecimal::new).toArray(BigDecimal[]::new);
    }
}
