package io.groundbreak.milestone.project.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProjectTest {

    /** 2024-06-30 23:30 UTC is already 2024-07-01 in Asia/Shanghai. */
    private static final Instant NOW = Instant.parse("2024-06-30T23:30:00.123456Z");
    private static final ProjectId PROJECT = ProjectId.parse("6f1c1d0e-6c1a-4d8e-9a54-0d5f3d7c2b11");
    private static final String DISTRICT = "120116";
    private static final Actor OFFICE = Actor.districtOffice("d120116", DISTRICT);

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("a district office registers a project of its own district")
    void registers() {
        fixture.givenNoPriorActivity()
                .when(register(OFFICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    @DisplayName("a district office cannot register a project in another district")
    void registrationInAnotherDistrictIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register(Actor.districtOffice("d120101", "120101")))
                .expectException(ProjectOfAnotherDistrict.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a milestone above the highest stage is recorded, skipping stages")
    void recordsMilestone() {
        fixture.given(sealed(registered()))
                .when(milestone(Stage.LANDED, LocalDate.parse("2024-07-01"), OFFICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MilestoneRecorded(PROJECT, Stage.LANDED, LocalDate.parse("2024-07-01"),
                        new BigDecimal("100.00"), null));
    }

    @Test
    @DisplayName("a milestone not above the highest stage is refused")
    void milestoneNotAboveHighestIsRefused() {
        fixture.given(sealed(registered(), landed(LocalDate.parse("2024-05-01"))))
                .when(milestone(Stage.SIGNED, LocalDate.parse("2024-06-01"), OFFICE))
                .expectException(MilestoneNotAboveHighestStage.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a milestone dated before the highest stage is refused")
    void milestoneBeforeHighestStageDateIsRefused() {
        fixture.given(sealed(registered(), landed(LocalDate.parse("2024-05-01"))))
                .when(milestone(Stage.STARTED, LocalDate.parse("2024-04-30"), OFFICE))
                .expectException(MilestoneBeforeHighestStageDate.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a milestone dated after today in the city's time zone is refused")
    void milestoneInFutureIsRefused() {
        fixture.given(sealed(registered()))
                .when(milestone(Stage.TALKS, LocalDate.parse("2024-07-02"), OFFICE))
                .expectException(MilestoneDatedInFuture.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a district office cannot post a milestone on another district's project")
    void milestoneFromAnotherDistrictIsRefused() {
        fixture.given(sealed(registered()))
                .when(milestone(Stage.TALKS, LocalDate.parse("2024-06-01"), Actor.districtOffice("d120101", "120101")))
                .expectException(ProjectOfAnotherDistrict.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("each event is sealed with the hash chain: sequence from 0, linked to the previous hash")
    void eventsCarryTheHashChain() {
        List<EventMessage<?>> published = new ArrayList<>();
        fixture.givenNoPriorActivity()
                .andGivenCommands(register(OFFICE))
                .when(milestone(Stage.SIGNED, LocalDate.parse("2024-06-30"), OFFICE))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.instanceOf(Recorded.class));
        fixture.getEventStore().readEvents(PROJECT.toString()).asStream().forEach(published::add);

        assertThat(published).hasSize(2);
        EventEnvelope first = envelope(published.get(0));
        EventEnvelope second = envelope(published.get(1));
        assertThat(first.prevHash()).isEqualTo(HashChain.GENESIS_PREV_HASH);
        assertThat(first.hashIsIntact()).isTrue();
        assertThat(second.sequence()).isEqualTo(1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hashIsIntact()).isTrue();
        assertThat(second.recordedBy()).isEqualTo("d120116");
        assertThat(second.time()).isEqualTo(Instant.parse("2024-06-30T23:30:00.123Z"));
        assertThat(second.district()).isEqualTo(DISTRICT);
    }

    private static EventEnvelope envelope(EventMessage<?> message) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
        return EnvelopeMetaData.envelope((ProjectEvent) domain.getPayload(), domain.getSequenceNumber(),
                domain.getMetaData());
    }

    /** Prior events as the aggregate stored them: with their envelope in the metadata. */
    private static List<Object> sealed(ProjectEvent... events) {
        List<Object> messages = new ArrayList<>();
        String prevHash = HashChain.GENESIS_PREV_HASH;
        for (int sequence = 0; sequence < events.length; sequence++) {
            EventEnvelope envelope = HashChain.seal(java.util.UUID.randomUUID(), sequence, NOW, "d120116",
                    prevHash, DISTRICT, events[sequence]);
            MetaData metaData = EnvelopeMetaData.of(envelope);
            messages.add(new org.axonframework.eventhandling.GenericDomainEventMessage<>(
                    "Project", PROJECT.toString(), sequence, events[sequence], metaData));
            prevHash = envelope.hash();
        }
        return messages;
    }

    private static RegisterProject register(Actor actor) {
        return new RegisterProject(PROJECT, "TJ-BH-001", "新能源电池基地", DISTRICT, "new-energy", "某某集团",
                new BigDecimal("1500000000.00"), null, actor);
    }

    private static ProjectRegistered registered() {
        return new ProjectRegistered(PROJECT, "TJ-BH-001", "新能源电池基地", DISTRICT, "new-energy", "某某集团",
                new BigDecimal("1500000000.00"), null);
    }

    private static MilestoneRecorded landed(LocalDate date) {
        return new MilestoneRecorded(PROJECT, Stage.LANDED, date, null, null);
    }

    private static RecordMilestone milestone(Stage stage, LocalDate date, Actor actor) {
        return new RecordMilestone(PROJECT, stage, date, new BigDecimal("100.00"), null, actor);
    }
}
