package io.groundbreak.audit.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.funnel.replay.Funnel;
import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.funnel.replay.ProjectState;
import io.groundbreak.audit.funnel.replay.StageFigures;
import io.groundbreak.events.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replay's funnel against the independent model, on random histories at random valid dates and instants. */
class BitemporalFunnelTest {

    private static final List<String> DISTRICTS = List.of("120101", "120116", "120119");
    private static final List<String> CHAINS = List.of("new-energy", "biomedicine", "aerospace");
    private static final Instant FIRST_RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(730);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void theReplayedFunnelIsTheModelsAtEveryValidDateAndInstant(long seed) {
        Random random = new Random(seed);
        RandomHistories generator = new RandomHistories(random, DISTRICTS, CHAINS, FIRST_RECORDED, WINDOW);
        List<List<EventEnvelope>> histories = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            histories.add(generator.project(1 + random.nextInt(25)));
        }
        for (int question = 0; question < 60; question++) {
            LocalDate validAt = RandomHistories.FIRST_DATE.plusDays(random.nextInt(800) - 30);
            Instant knownAt = FIRST_RECORDED.plusSeconds(random.nextLong(WINDOW.toSeconds() + 86_400) - 86_400);
            String district = random.nextInt(3) == 0 ? DISTRICTS.get(random.nextInt(DISTRICTS.size())) : null;
            String chain = random.nextInt(3) == 0 ? CHAINS.get(random.nextInt(CHAINS.size())) : null;

            Funnel actual = Funnel.of(validAt, knownAt, replay(histories, knownAt),
                    new FunnelScope(Optional.ofNullable(district), Optional.ofNullable(chain)));

            FunnelModel.ExpectedFunnel expected = FunnelModel.funnel(histories, validAt, knownAt, district, chain);
            String as = "seed %d, valid %s, known %s, district %s, chain %s".formatted(seed, validAt, knownAt, district, chain);
            for (int i = 0; i < expected.stages().size(); i++) {
                FunnelModel.Expected stage = expected.stages().get(i);
                StageFigures figures = actual.stages().get(i);
                assertThat(figures.stage()).as(as).isEqualTo(stage.stage());
                assertThat(figures.reached()).as(as + " reached " + stage.stage()).isEqualTo(stage.reached());
                assertThat(figures.current()).as(as + " current " + stage.stage()).isEqualTo(stage.current());
                assertThat(figures.lost()).as(as + " lost " + stage.stage()).isEqualTo(stage.lost());
                assertThat(figures.reachedInvestmentCny()).as(as).isEqualByComparingTo(stage.reachedInvestment());
                assertThat(figures.currentInvestmentCny()).as(as).isEqualByComparingTo(stage.currentInvestment());
            }
            for (int i = 0; i < expected.rates().size(); i++) {
                assertThat(actual.conversions().get(i).rate()).as(as + " rate " + i).isEqualTo(expected.rates().get(i));
            }
        }
    }

    /** What the ledger hands the replay: the events recorded at or before the instant, in sequence order. */
    private static List<ProjectState> replay(List<List<EventEnvelope>> histories, Instant knownAt) {
        List<ProjectState> projects = new ArrayList<>();
        for (List<EventEnvelope> history : histories) {
            ProjectState project = new ProjectState();
            history.stream().filter(e -> !e.time().isAfter(knownAt)).forEach(e -> project.apply(e.data()));
            projects.add(project);
        }
        return projects;
    }
}
