package io.groundbreak.audit.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.funnel.replay.Funnel;
import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.funnel.replay.KnownProjects;
import io.groundbreak.audit.funnel.replay.ProjectState;
import io.groundbreak.audit.funnel.replay.StageFigures;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
        histories.addAll(pairs(generator, histories, random));
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

    /**
     * Pairs' streams among the projects (schema 1.3): some projects in two pairs, up to four decisions each, so that
     * reversals, changed primaries and decisions recorded after a question's instant all occur.
     */
    static List<List<EventEnvelope>> pairs(RandomHistories generator, List<List<EventEnvelope>> projects, Random random) {
        List<List<EventEnvelope>> pairs = new ArrayList<>();
        for (int p = 0; p < projects.size() / 3; p++) {
            List<EventEnvelope> one = projects.get(random.nextInt(projects.size()));
            List<EventEnvelope> other = projects.get(random.nextInt(projects.size()));
            if (one != other && pairs.stream().noneMatch(pair -> pair.get(0).subject()
                    .equals(DuplicateDecided.pairOf(one.get(0).subject(), other.get(0).subject())))) {
                pairs.add(generator.pair(one, other, 1 + random.nextInt(4)));
            }
        }
        return pairs;
    }

    /** What the ledger hands the replay: the events recorded at or before the instant, each stream's in sequence order. */
    private static Collection<ProjectState> replay(List<List<EventEnvelope>> histories, Instant knownAt) {
        KnownProjects known = new KnownProjects();
        histories.forEach(history -> history.stream().filter(e -> !e.time().isAfter(knownAt)).forEach(known::apply));
        return known.counted(knownAt);
    }
}
