package io.groundbreak.faults.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.faults.load.Acknowledged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferenceTest {

    private final Reference reference = new Reference();

    @Test
    void aProjectCountsAtTheHighestStageItWasToldItRecordedWhateverTheOrderOfTheAcknowledgements() {
        UUID project = UUID.randomUUID();
        acknowledge("s", project, 0, -1, "120101", "biomedicine", "100.00");
        acknowledge("s", project, 2, 1, "120101", "biomedicine", "100.00");
        acknowledge("s", project, 1, 0, "120101", "biomedicine", "100.00");

        List<StageFigures> funnel = reference.funnelOf("biomedicine", List.of("120101")).get("120101");

        assertThat(funnel.get(0)).isEqualTo(new StageFigures(1, 0, new BigDecimal("100.00")));
        assertThat(funnel.get(1)).isEqualTo(new StageFigures(1, 1, new BigDecimal("100.00")));
        assertThat(funnel.get(2)).isEqualTo(new StageFigures(0, 0, new BigDecimal("0.00")));
    }

    @Test
    void onlyRegisteredProjectsAndOtherChainsOrDistrictsAreNotInTheFunnel() {
        acknowledge("s", UUID.randomUUID(), 0, -1, "120101", "biomedicine", "100.00");
        acknowledge("s", UUID.randomUUID(), 1, 0, "120102", "biomedicine", "100.00");
        acknowledge("s", UUID.randomUUID(), 1, 0, "120101", "aerospace", "100.00");

        assertThat(reference.funnelOf("biomedicine", List.of("120101")).get("120101"))
                .allSatisfy(stage -> assertThat(stage.sameAs(StageFigures.NONE)).isTrue());
    }

    @Test
    void theAcknowledgementsOfAScenarioAreItsOwn() {
        acknowledge("a", UUID.randomUUID(), 0, -1, "120101", "biomedicine", "1.00");
        acknowledge("b", UUID.randomUUID(), 0, -1, "120101", "biomedicine", "1.00");

        assertThat(reference.of("a")).extracting(Acknowledged::scenario).containsExactly("a");
        assertThat(reference.all()).hasSize(2);
    }

    @Test
    void aViewThatCountsAProjectTwiceHasASurplusAndADifference() {
        Map<String, List<StageFigures>> expected = Map.of("120101", List.of(
                new StageFigures(2, 1, new BigDecimal("3.00")), new StageFigures(1, 1, new BigDecimal("1.00"))));
        Map<String, List<StageFigures>> twice = Map.of("120101", List.of(
                new StageFigures(3, 1, new BigDecimal("4.00")), new StageFigures(2, 2, new BigDecimal("2.00"))));

        assertThat(FunnelViews.surplus(expected, twice)).isEqualTo(1);
        assertThat(FunnelViews.difference(expected, twice)).hasValueSatisfying(text -> assertThat(text).contains("stage 0"));
        assertThat(FunnelViews.surplus(expected, expected)).isZero();
        assertThat(FunnelViews.difference(expected, expected)).isEmpty();
    }

    @Test
    void aViewMissingProjectsIsADifferenceButNoSurplus() {
        Map<String, List<StageFigures>> expected = Map.of("120101", List.of(new StageFigures(2, 2, new BigDecimal("3.00"))));
        Map<String, List<StageFigures>> behind = Map.of("120101", List.of(new StageFigures(1, 1, new BigDecimal("1.00"))));

        assertThat(FunnelViews.surplus(expected, behind)).isZero();
        assertThat(FunnelViews.difference(expected, behind)).isPresent();
    }

    private void acknowledge(String scenario, UUID project, long sequence, int stage, String district, String chain,
                             String planned) {
        reference.add(new Acknowledged(scenario, project, UUID.randomUUID(), sequence, district, chain, stage,
                new BigDecimal(planned), Instant.now()));
    }
}
