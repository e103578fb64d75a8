package io.groundbreak.audit.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.audit.AuditIT;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/audit/funnel} over Kafka, the ledger and HTTP against the independent model, on random
 * histories recorded in 2023 and 2024 (the module's other tests record theirs now, so they are not yet
 * known at any instant asked here), with change requests and pairs' decisions among them (schema 1.3).
 */
class BitemporalFunnelIT extends AuditIT {

    private static final List<String> DISTRICTS = List.of("120101", "120102", "120116");
    private static final List<String> CHAINS = List.of("new-energy", "biomedicine", "aerospace");
    private static final Instant FIRST_RECORDED = Instant.parse("2023-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(730);
    /** Only the hand-written scenario's project is in this district (the model knows it like the others). */
    private static final String SCENARIO_DISTRICT = "120117";

    private final Random random = new Random(20240705);
    private final List<List<EventEnvelope>> histories = new ArrayList<>();

    @BeforeAll
    void publish() {
        RandomHistories generator = new RandomHistories(random, DISTRICTS, CHAINS, FIRST_RECORDED, WINDOW);
        for (int p = 0; p < 30; p++) {
            histories.add(generator.project(1 + random.nextInt(20)));
        }
        histories.addAll(BitemporalFunnelTest.pairs(generator, histories, random));
        histories.add(scenario());
        histories.forEach(history -> topic.send(history.toArray(EventEnvelope[]::new)));
        awaitLedger(histories);
    }

    @Test
    void theFunnelIsTheModelsForAnyValidDateAsKnownAtAnyInstant() {
        for (int question = 0; question < 40; question++) {
            LocalDate validAt = RandomHistories.FIRST_DATE.plusDays(random.nextInt(760));
            Instant knownAt = FIRST_RECORDED.plusSeconds(random.nextLong(WINDOW.toSeconds()));
            String district = random.nextInt(3) == 0 ? DISTRICTS.get(random.nextInt(DISTRICTS.size())) : null;
            String chain = random.nextInt(3) == 0 ? CHAINS.get(random.nextInt(CHAINS.size())) : null;
            String query = "validAt=" + validAt + "&knownAt=" + knownAt
                    + (district == null ? "" : "&district=" + district) + (chain == null ? "" : "&chain=" + chain);

            TextAnswer answer = get("/api/audit/funnel?" + query, "auditor");

            assertThat(answer.status()).as(query).isEqualTo(200);
            assertMatches(answer.json(), FunnelModel.funnel(histories, validAt, knownAt, district, chain), query);
            assertThat(answer.json().get("asOf").asString()).isEqualTo(validAt.toString());
            assertThat(answer.json().get("knownAt").asString()).isEqualTo(knownAt.toString());
        }
    }

    /** "The June funnel as it was known on 5 July" next to "the June funnel as we know it today". */
    @Test
    void aRetractionRecordedLaterChangesThePastFunnelOnlyFromWhenItWasRecorded() {
        String june = "/api/audit/funnel?district=" + SCENARIO_DISTRICT + "&validAt=2024-06-30";
        JsonNode knownOnFifthOfJuly = get(june + "&knownAt=2024-07-05T00:00:00Z", "auditor").json();
        JsonNode knownToday = get(june, "auditor").json();

        assertThat(knownOnFifthOfJuly.get("stages").get(Stage.SIGNED.ordinal()).get("reached").asLong()).isEqualTo(1);
        assertThat(knownOnFifthOfJuly.get("stages").get(Stage.SIGNED.ordinal()).get("reachedInvestmentCny").asString())
                .isEqualTo("2000000000.00");
        assertThat(knownToday.get("stages").get(Stage.SIGNED.ordinal()).get("reached").asLong()).isZero();
        assertThat(knownToday.get("stages").get(Stage.TALKS.ordinal()).get("current").asLong()).isEqualTo(1);
        assertThat(knownToday.get("conversions").get(Stage.SIGNED.ordinal()).get("rate").isNull()).isTrue();
    }

    @Test
    void wrongParametersAreNamed() {
        TextAnswer answer = get("/api/audit/funnel?validAt=2024-02-30&knownAt=5%20July&district=999999&chain=x", "auditor");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.invalidFields()).containsExactlyInAnyOrder("validAt", "knownAt", "district", "chain");
    }

    private static void assertMatches(JsonNode funnel, FunnelModel.ExpectedFunnel expected, String query) {
        assertThat(funnel.get("stages")).as(query).hasSize(expected.stages().size());
        for (int i = 0; i < expected.stages().size(); i++) {
            FunnelModel.Expected stage = expected.stages().get(i);
            JsonNode actual = funnel.get("stages").get(i);
            String as = query + " " + stage.stage();
            assertThat(actual.get("stage").asString()).as(as).isEqualTo(stage.stage().name());
            assertThat(actual.get("reached").asLong()).as(as + " reached").isEqualTo(stage.reached());
            assertThat(actual.get("current").asLong()).as(as + " current").isEqualTo(stage.current());
            assertThat(actual.get("lost").asLong()).as(as + " lost").isEqualTo(stage.lost());
            assertThat(new BigDecimal(actual.get("reachedInvestmentCny").asString())).as(as)
                    .isEqualByComparingTo(stage.reachedInvestment());
            assertThat(new BigDecimal(actual.get("currentInvestmentCny").asString())).as(as)
                    .isEqualByComparingTo(stage.currentInvestment());
        }
        for (int i = 0; i < expected.rates().size(); i++) {
            JsonNode rate = funnel.get("conversions").get(i).get("rate");
            Double expectedRate = expected.rates().get(i);
            if (expectedRate == null) {
                assertThat(rate.isNull()).as(query + " rate " + i).isTrue();
            } else {
                assertThat(rate.asDouble()).as(query + " rate " + i).isEqualTo(expectedRate);
            }
        }
    }

    /** Signed on 10 June (recorded that day); the signing retracted on 10 July. */
    private static List<EventEnvelope> scenario() {
        ProjectId id = ProjectId.random();
        List<EventEnvelope> events = new ArrayList<>();
        add(events, "2024-06-01T02:00:00Z", new ProjectRegistered(id, "NH-2024-001", "Port logistics", SCENARIO_DISTRICT,
                "other", "Investor", new BigDecimal("2000000000.00"), null));
        add(events, "2024-06-01T03:00:00Z", new MilestoneRecorded(id, Stage.TALKS, LocalDate.parse("2024-06-01"), null, null));
        add(events, "2024-06-10T03:00:00Z", new MilestoneRecorded(id, Stage.SIGNED, LocalDate.parse("2024-06-10"), null, null));
        add(events, "2024-07-10T03:00:00Z", new MilestoneRetracted(id, Stage.SIGNED, "the contract was never signed"));
        return events;
    }

    private static void add(List<EventEnvelope> events, String time, ProjectEvent body) {
        events.add(HashChain.seal(UUID.randomUUID(), events.size(), Instant.parse(time), "d" + SCENARIO_DISTRICT,
                events.isEmpty() ? HashChain.GENESIS_PREV_HASH : events.get(events.size() - 1).hash(), SCENARIO_DISTRICT, body));
    }
}
