package io.groundbreak.milestone.plan.command;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.TargetCell;
import io.groundbreak.events.TargetsSet;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import io.groundbreak.milestone.project.command.Actor;
import io.groundbreak.milestone.project.command.Recorded;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TargetPlanTest {

    private static final Instant NOW = Instant.parse("2025-01-15T02:00:00.250Z");
    private static final ProjectId PLAN = TargetsSet.planOf(2025);
    private static final List<TargetCell> CELLS = List.of(new TargetCell("120116", "new-energy", 3, 2, 2, 1,
            new BigDecimal("12000000000.00"), null));

    private AggregateTestFixture<TargetPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TargetPlan.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("the city sets a year's first targets: the plan stream begins, sealed for the city")
    void theFirstTargetsBeginThePlan() {
        fixture.givenNoPriorActivity()
                .when(new SetTargets(PLAN, 2025, CELLS, "年度计划分解", Actor.cityWide("admin")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TargetsSet(PLAN, 2025, CELLS, "年度计划分解"))
                .expectResultMessagePayloadMatching(atSequence(0L));
    }

    @Test
    @DisplayName("a change of targets follows the year's earlier ones on the same stream")
    void aChangeFollowsOnTheSameStream() {
        EventEnvelope first = HashChain.seal(UUID.randomUUID(), 0, NOW, "admin", HashChain.GENESIS_PREV_HASH,
                EventEnvelope.CITY, new TargetsSet(PLAN, 2025, CELLS, "年度计划分解"));
        List<TargetCell> changed = List.of(new TargetCell("120116", "new-energy", 4, 2, 2, 1, null, null));
        fixture.given(new GenericDomainEventMessage<>("TargetPlan", PLAN.toString(), 0, first.data(),
                        EnvelopeMetaData.of(first)))
                .when(new SetTargets(PLAN, 2025, changed, "年中调整", Actor.cityWide("admin")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TargetsSet(PLAN, 2025, changed, "年中调整"))
                .expectResultMessagePayloadMatching(atSequence(1L));
    }

    /** What the handler answers: the event's place in the plan's stream. */
    private static Matcher<Recorded> atSequence(long sequence) {
        return new CustomTypeSafeMatcher<>("recorded at sequence " + sequence) {
            @Override
            protected boolean matchesSafely(Recorded recorded) {
                return recorded.sequence() == sequence;
            }
        };
    }

    @Test
    @DisplayName("a district office cannot set targets, not even its own district's")
    void aDistrictCannotSetTargets() {
        fixture.givenNoPriorActivity()
                .when(new SetTargets(PLAN, 2025, CELLS, "自定目标", Actor.districtOffice("d120116", "120116")))
                .expectException(TargetsAreTheCitys.class)
                .expectNoEvents();
    }
}
