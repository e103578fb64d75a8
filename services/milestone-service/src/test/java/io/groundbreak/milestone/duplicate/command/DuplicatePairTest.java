package io.groundbreak.milestone.duplicate.command;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import io.groundbreak.milestone.project.command.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DuplicatePairTest {

    private static final Instant NOW = Instant.parse("2026-08-03T06:30:00.500Z");
    private static final ProjectId ONE = ProjectId.parse("3e8b1c52-7d04-4a9f-b6e1-0c2d5f7a9e13");
    private static final ProjectId OTHER = ProjectId.parse("a41f6d28-0b93-4c75-9e2a-5d8c3b7f1064");
    private static final ProjectId PAIR = DuplicateDecided.pairOf(ONE, OTHER);
    private static final Actor CITY = Actor.cityWide("admin");

    private AggregateTestFixture<DuplicatePair> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DuplicatePair.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("the city decides two projects are one: the pair's stream begins with the decision")
    void theFirstDecisionBeginsThePairsStream() {
        fixture.givenNoPriorActivity()
                .when(new DecideDuplicate(PAIR, ONE, OTHER, true, ONE, "同一项目", CITY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DuplicateDecided(PAIR, ONE, OTHER, true, ONE, "同一项目"));
    }

    @Test
    @DisplayName("a decision of 'different' names no primary, whatever the command carried")
    void differentNamesNoPrimary() {
        fixture.givenNoPriorActivity()
                .when(new DecideDuplicate(PAIR, ONE, OTHER, false, ONE, "两期独立项目", CITY))
                .expectEvents(new DuplicateDecided(PAIR, ONE, OTHER, false, null, "两期独立项目"));
    }

    @Test
    @DisplayName("a reversal is another decision; so is naming the other project primary")
    void aDecisionCanBeReversed() {
        fixture.given(decided(true, ONE))
                .when(new DecideDuplicate(PAIR, ONE, OTHER, true, OTHER, "以先签约的区为准", CITY))
                .expectEvents(new DuplicateDecided(PAIR, ONE, OTHER, true, OTHER, "以先签约的区为准"));
        fixture.given(decided(true, ONE))
                .when(new DecideDuplicate(PAIR, ONE, OTHER, false, null, "撤销", CITY))
                .expectEvents(new DuplicateDecided(PAIR, ONE, OTHER, false, null, "撤销"));
    }

    @Test
    @DisplayName("the decision in force, decided again, records nothing")
    void theSameDecisionAgainIsRefused() {
        fixture.given(decided(true, ONE))
                .when(new DecideDuplicate(PAIR, ONE, OTHER, true, ONE, "再次认定", CITY))
                .expectException(DecisionUnchanged.class)
                .expectNoEvents();
        fixture.given(decided(false, null))
                .when(new DecideDuplicate(PAIR, ONE, OTHER, false, null, "再次认定", CITY))
                .expectException(DecisionUnchanged.class);
    }

    @Test
    @DisplayName("a district cannot decide, not even on a pair of its own projects")
    void aDistrictCannotDecide() {
        fixture.givenNoPriorActivity()
                .when(new DecideDuplicate(PAIR, ONE, OTHER, true, ONE, "本区认定", Actor.districtOffice("d120116", "120116")))
                .expectException(DuplicatesAreTheCitys.class)
                .expectNoEvents();
    }

    private static GenericDomainEventMessage<ProjectEvent> decided(boolean same, ProjectId primary) {
        EventEnvelope first = HashChain.seal(UUID.randomUUID(), 0, NOW, "admin", HashChain.GENESIS_PREV_HASH,
                EventEnvelope.CITY, new DuplicateDecided(PAIR, ONE, OTHER, same, primary, "认定"));
        return new GenericDomainEventMessage<>("DuplicatePair", PAIR.toString(), 0, first.data(),
                EnvelopeMetaData.of(first));
    }
}
