package io.groundbreak.milestone.project.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectTest {

    /** 2024-06-30 23:30 UTC is already 2024-07-01 in Asia/Shanghai. */
    private static final Instant NOW = Instant.parse("2024-06-30T23:30:00.123456Z");
    private static final ProjectId PROJECT = ProjectId.parse("6f1c1d0e-6c1a-4d8e-9a54-0d5f3d7c2b11");
    private static final String DISTRICT = "120116";
    private static final Actor OFFICE = Actor.districtOffice("d120116", DISTRICT);
    private static final Actor REVIEWER = Actor.reviewerOf("r120116", DISTRICT);
    private static final Actor ADMIN = Actor.cityWide("admin");
    /** The defaults of application.yml. */
    private static final ReviewBounds BOUNDS = new ReviewBounds(true, 30, true, true, new BigDecimal("10"), 90);
    private static final ChangeRequestId REQUEST = ChangeRequestId.parse("0d6e1f1a-3b7c-4c8e-9f2a-5b6c7d8e9f01");

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(BOUNDS);
    }

    /** A fixture whose aggregate sees other review bounds. */
    private static AggregateTestFixture<Project> fixtureWith(ReviewBounds bounds) {
        AggregateTestFixture<Project> other = new AggregateTestFixture<>(Project.class);
        other.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        other.registerInjectableResource(bounds);
        return other;
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
                .expectException(DatedBeforeHighestStage.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a milestone dated after today in the city's time zone is refused")
    void milestoneInFutureIsRefused() {
        fixture.given(sealed(registered()))
                .when(milestone(Stage.TALKS, LocalDate.parse("2024-07-02"), OFFICE))
                .expectException(DatedInFuture.class)
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
    @DisplayName("a suspended project takes no milestone")
    void suspendedProjectTakesNoMilestone() {
        fixture.given(sealed(registered(), suspended(LocalDate.parse("2024-06-01"))))
                .when(milestone(Stage.TALKS, LocalDate.parse("2024-06-02"), OFFICE))
                .expectException(ProjectSuspendedNow.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a resumed project takes milestones again")
    void resumedProjectTakesMilestones() {
        fixture.given(sealed(registered(), suspended(LocalDate.parse("2024-06-01")),
                        new ProjectResumed(PROJECT, LocalDate.parse("2024-06-10"), "资金到位")))
                .when(milestone(Stage.TALKS, LocalDate.parse("2024-06-11"), OFFICE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("a suspended project cannot be suspended again")
    void suspendedProjectCannotBeSuspendedAgain() {
        fixture.given(sealed(registered(), suspended(LocalDate.parse("2024-06-01"))))
                .when(new SuspendProject(PROJECT, LocalDate.parse("2024-06-02"), "再次暂停", OFFICE))
                .expectException(ProjectSuspendedNow.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a project that is not suspended cannot be resumed")
    void notSuspendedProjectCannotBeResumed() {
        fixture.given(sealed(registered()))
                .when(new ResumeProject(PROJECT, LocalDate.parse("2024-06-02"), "恢复", OFFICE))
                .expectException(ProjectNotSuspended.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a resumption dated before its suspension is refused")
    void resumptionBeforeSuspensionIsRefused() {
        fixture.given(sealed(registered(), suspended(LocalDate.parse("2024-06-01"))))
                .when(new ResumeProject(PROJECT, LocalDate.parse("2024-05-31"), "恢复", OFFICE))
                .expectException(ResumedBeforeSuspension.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a suspension dated before the highest stage is refused")
    void suspensionBeforeHighestStageIsRefused() {
        fixture.given(sealed(registered(), landed(LocalDate.parse("2024-05-01"))))
                .when(new SuspendProject(PROJECT, LocalDate.parse("2024-04-30"), "暂停", OFFICE))
                .expectException(DatedBeforeHighestStage.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a termination dated after today is refused")
    void terminationInFutureIsRefused() {
        fixture.given(sealed(registered()))
                .when(new TerminateProject(PROJECT, LocalDate.parse("2024-07-02"), "终止", OFFICE))
                .expectException(DatedInFuture.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a terminated project takes no milestone")
    void terminatedProjectTakesNoMilestone() {
        fixture.given(sealed(registered(), terminated()))
                .when(milestone(Stage.TALKS, LocalDate.parse("2024-06-20"), OFFICE))
                .expectException(ProjectTerminatedAlready.class)
                .expectNoEvents();
    }

    @ParameterizedTest(name = "a terminated project takes no other write either: {0}")
    @MethodSource("writesAfterTermination")
    void terminatedProjectTakesNothing(Object command) {
        fixture.given(sealed(registered(), landed(LocalDate.parse("2024-05-01")), terminated()))
                .when(command)
                .expectException(ProjectTerminatedAlready.class)
                .expectNoEvents();
    }

    static Stream<Object> writesAfterTermination() {
        return Stream.of(
                new CorrectMilestone(PROJECT, Stage.LANDED, LocalDate.parse("2024-05-02"), null, "更正", OFFICE),
                new RetractMilestone(PROJECT, Stage.LANDED, "误报", OFFICE),
                new SuspendProject(PROJECT, LocalDate.parse("2024-06-20"), "暂停", OFFICE),
                new ResumeProject(PROJECT, LocalDate.parse("2024-06-20"), "恢复", OFFICE),
                new TerminateProject(PROJECT, LocalDate.parse("2024-06-20"), "终止", OFFICE),
                new ReportInvestment(PROJECT, YearMonth.parse("2024-06"), new BigDecimal("1.00"), OFFICE),
                amend("新名字", null, "改名", OFFICE));
    }

    @Test
    @DisplayName("a correction changes the date and amount of a recorded stage (by 30 days: at the review bound, not above)")
    void correctsMilestone() {
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-03-31"),
                        new BigDecimal("9.00"), "合同日期录错", OFFICE))
                .expectEvents(new MilestoneCorrected(PROJECT, Stage.SIGNED, LocalDate.parse("2024-03-31"),
                        new BigDecimal("9.00"), "合同日期录错"));
    }

    @Test
    @DisplayName("a correction of a stage that was never recorded is refused")
    void correctionOfUnrecordedStageIsRefused() {
        fixture.given(sealed(registered(), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-04-01"), null, "更正", OFFICE))
                .expectException(StageNotRecorded.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a correction dated after the stage above is refused")
    void correctionAfterStageAboveIsRefused() {
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-05-02"), null, "更正", OFFICE))
                .expectException(CorrectionOutOfOrder.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a correction dated before the stage below is refused")
    void correctionBeforeStageBelowIsRefused() {
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.LANDED, LocalDate.parse("2024-02-28"), null, "更正", OFFICE))
                .expectException(CorrectionOutOfOrder.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a correction dated after today is refused")
    void correctionInFutureIsRefused() {
        fixture.given(sealed(registered(), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.LANDED, LocalDate.parse("2024-07-02"), null, "更正", OFFICE))
                .expectException(DatedInFuture.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("the highest stage is retracted and the stage below becomes the highest")
    void retractsHighestStage() {
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01")),
                        new MilestoneRetracted(PROJECT, Stage.LANDED, "误报")))
                .when(milestone(Stage.LANDED, LocalDate.parse("2024-03-02"), OFFICE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("a stage below the highest cannot be retracted")
    void retractionBelowHighestIsRefused() {
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new RetractMilestone(PROJECT, Stage.SIGNED, "误报", OFFICE))
                .expectException(NotTheHighestStage.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a project without a recorded stage has nothing to retract")
    void retractionWithoutStageIsRefused() {
        fixture.given(sealed(registered()))
                .when(new RetractMilestone(PROJECT, Stage.TALKS, "误报", OFFICE))
                .expectException(StageNotRecorded.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("an investment report for a month after the current one is refused")
    void investmentReportInFutureIsRefused() {
        fixture.given(sealed(registered()))
                .when(new ReportInvestment(PROJECT, YearMonth.parse("2024-08"), new BigDecimal("1.00"), OFFICE))
                .expectException(PeriodInFuture.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("an investment report for the current month in the city's time zone is recorded")
    void investmentReportOfCurrentMonthIsRecorded() {
        fixture.given(sealed(registered()))
                .when(new ReportInvestment(PROJECT, YearMonth.parse("2024-07"), new BigDecimal("1.00"), OFFICE))
                .expectEvents(new InvestmentReported(PROJECT, YearMonth.parse("2024-07"), new BigDecimal("1.00")));
    }

    @Test
    @DisplayName("an amendment records only the details that change")
    void amendmentRecordsOnlyChanges() {
        fixture.given(sealed(registered()))
                .when(new AmendProjectDetails(PROJECT, "新能源电池基地", "automotive", null,
                        new BigDecimal("1500000000"), null, null, null, null, null, "产业链调整", OFFICE))
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, "automotive", null, null, null, "产业链调整"));
    }

    @Test
    @DisplayName("an amendment that changes nothing is refused")
    void amendmentWithoutChangeIsRefused() {
        fixture.given(sealed(registered()))
                .when(amend("新能源电池基地", null, "无变化", OFFICE))
                .expectException(NothingToAmend.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a district office cannot amend another district's project")
    void amendmentFromAnotherDistrictIsRefused() {
        fixture.given(sealed(registered()))
                .when(amend("别的名字", null, "改名", Actor.districtOffice("d120101", "120101")))
                .expectException(ProjectOfAnotherDistrict.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a registration carries its planned dates, responsible person and leader, and source")
    void registersWithSupervisionFields() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(PROJECT, "TJ-BH-001", "新能源电池基地", DISTRICT, "new-energy", "某某集团",
                        new BigDecimal("1500000000.00"), null, PLAN, "张伟", "李明", "world-intelligence-expo", OFFICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectRegistered(PROJECT, "TJ-BH-001", "新能源电池基地", DISTRICT, "new-energy", "某某集团",
                        new BigDecimal("1500000000.00"), null, PLAN, "张伟", "李明", "world-intelligence-expo"));
    }

    @Test
    @DisplayName("planned dates out of stage order are refused at registration, equal dates are not")
    void registrationWithPlansOutOfOrderIsRefused() {
        fixture.givenNoPriorActivity()
                .when(registerPlanned(new PlannedDates(date("2025-06-30"), date("2025-03-31"), null, null)))
                .expectException(PlannedDatesOutOfOrder.class)
                .expectExceptionMessage("planned LANDED 2025-03-31 is before planned SIGNED 2025-06-30")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(registerPlanned(new PlannedDates(date("2025-06-30"), null, null, date("2025-01-01"))))
                .expectException(PlannedDatesOutOfOrder.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(registerPlanned(new PlannedDates(date("2025-06-30"), date("2025-06-30"), null, date("2026-01-01"))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("an amendment of planned dates records only the stages whose date changes")
    void amendmentOfPlansRecordsOnlyChangedStages() {
        fixture.given(sealed(registeredWith(PLAN)))
                .when(amendPlans(new PlannedDates(PLAN.signed(), date("2025-08-31"), null, null)))
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, null, null, null, null,
                        new PlannedDates(null, date("2025-08-31"), null, null), null, null, null, "计划调整"));
    }

    @Test
    @DisplayName("an amendment that leaves the plans out of stage order is refused")
    void amendmentOfPlansOutOfOrderIsRefused() {
        fixture.given(sealed(registeredWith(PLAN)))
                .when(amendPlans(new PlannedDates(null, date("2025-10-31"), null, null)))
                .expectException(PlannedDatesOutOfOrder.class)
                .expectExceptionMessage("planned STARTED 2025-09-30 is before planned LANDED 2025-10-31")
                .expectNoEvents();
    }

    @Test
    @DisplayName("a stage already reached cannot be planned; its old plan no longer orders the stages ahead")
    void plansOfReachedStages() {
        fixture.given(sealed(registeredWith(PLAN), signed(date("2024-06-01"))))
                .when(amendPlans(new PlannedDates(date("2024-07-31"), null, null, null)))
                .expectException(PlannedStageReached.class)
                .expectNoEvents();
        fixture.given(sealed(registeredWith(PLAN), signed(date("2024-06-01"))))
                .when(amendPlans(new PlannedDates(null, date("2025-04-30"), null, null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, null, null, null, null,
                        new PlannedDates(null, date("2025-04-30"), null, null), null, null, null, "计划调整"));
    }

    @Test
    @DisplayName("a plan equal to the current one changes nothing; the responsible leader and source are amended")
    void amendmentOfSupervisionDetails() {
        fixture.given(sealed(registeredWith(PLAN)))
                .when(amendPlans(PLAN))
                .expectException(NothingToAmend.class)
                .expectNoEvents();
        fixture.given(sealed(registeredWith(PLAN)))
                .when(new AmendProjectDetails(PROJECT, null, null, null, null, null, null, "张伟", "赵局长",
                        "beijing-tianjin-hebei", "包联领导调整", OFFICE))
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, null, null, null, null, null, null, "赵局长",
                        "beijing-tianjin-hebei", "包联领导调整"));
    }

    @Test
    @DisplayName("a terminated project's plans cannot be amended")
    void plansOfTerminatedProjectAreRefused() {
        fixture.given(sealed(registeredWith(PLAN), terminated()))
                .when(amendPlans(new PlannedDates(null, null, date("2025-12-31"), null)))
                .expectException(ProjectTerminatedAlready.class)
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

    // four eyes on the past: changes above the review bounds are requested, and applied once a second person approves

    @Test
    @DisplayName("a correction moving the date by more than 30 days is requested, carrying the correction, and changes nothing")
    void correctionAboveTheBoundIsRequested() {
        MilestoneCorrected correction = new MilestoneCorrected(PROJECT, Stage.SIGNED, LocalDate.parse("2024-04-01"),
                new BigDecimal("9.00"), "合同日期录错");
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-04-01"), new BigDecimal("9.00"),
                        "合同日期录错", OFFICE))
                .expectEventsMatching(requested(correction))
                .expectResultMessagePayloadMatching(Matchers.predicate(result -> ((Recorded) result).pending()));
        // backwards counts the same
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-01-30"), null, "更正", OFFICE))
                .expectEventsMatching(requested(new MilestoneCorrected(PROJECT, Stage.SIGNED,
                        LocalDate.parse("2024-01-30"), null, "更正")));
    }

    @Test
    @DisplayName("with review disabled nothing is requested: the correction, retraction and termination are recorded")
    void disabledReviewRequestsNothing() {
        ReviewBounds off = new ReviewBounds(false, 30, true, true, new BigDecimal("10"), 90);
        fixtureWith(off).given(sealed(registered(), signed(LocalDate.parse("2024-03-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-06-01"), null, "更正", OFFICE))
                .expectEvents(new MilestoneCorrected(PROJECT, Stage.SIGNED, LocalDate.parse("2024-06-01"), null, "更正"));
        fixtureWith(off).given(sealed(registered(), signed(LocalDate.parse("2024-03-01"))))
                .when(new RetractMilestone(PROJECT, Stage.SIGNED, "误报", OFFICE))
                .expectEvents(new MilestoneRetracted(PROJECT, Stage.SIGNED, "误报"));
        fixtureWith(off).given(sealed(registered()))
                .when(new TerminateProject(PROJECT, LocalDate.parse("2024-06-20"), "终止", OFFICE))
                .expectEvents(new ProjectTerminated(PROJECT, LocalDate.parse("2024-06-20"), "终止"));
    }

    @Test
    @DisplayName("every retraction and termination is requested; each can be left out of review on its own")
    void retractionsAndTerminationsAreRequested() {
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01"))))
                .when(new RetractMilestone(PROJECT, Stage.SIGNED, "误报", OFFICE))
                .expectEventsMatching(requested(new MilestoneRetracted(PROJECT, Stage.SIGNED, "误报")));
        fixture.given(sealed(registered()))
                .when(new TerminateProject(PROJECT, LocalDate.parse("2024-06-20"), "终止", OFFICE))
                .expectEventsMatching(requested(new ProjectTerminated(PROJECT, LocalDate.parse("2024-06-20"), "终止")));
        fixtureWith(new ReviewBounds(true, 30, false, true, BigDecimal.TEN, 90))
                .given(sealed(registered(), signed(LocalDate.parse("2024-03-01"))))
                .when(new RetractMilestone(PROJECT, Stage.SIGNED, "误报", OFFICE))
                .expectEvents(new MilestoneRetracted(PROJECT, Stage.SIGNED, "误报"));
        fixtureWith(new ReviewBounds(true, 30, true, false, BigDecimal.TEN, 90)).given(sealed(registered()))
                .when(new TerminateProject(PROJECT, LocalDate.parse("2024-06-20"), "终止", OFFICE))
                .expectEvents(new ProjectTerminated(PROJECT, LocalDate.parse("2024-06-20"), "终止"));
    }

    @Test
    @DisplayName("a change above the bounds that breaks a rule is refused directly, not requested")
    void aBrokenRuleIsRefusedBeforeTheBounds() {
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new RetractMilestone(PROJECT, Stage.SIGNED, "误报", OFFICE))
                .expectException(NotTheHighestStage.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-01-01"), null, "更正", OFFICE))
                .expectEventsMatching(requested(new MilestoneCorrected(PROJECT, Stage.SIGNED, LocalDate.parse("2024-01-01"),
                        null, "更正")));
        fixture.given(sealed(registered(), signed(LocalDate.parse("2024-03-01")), landed(LocalDate.parse("2024-05-01"))))
                .when(new CorrectMilestone(PROJECT, Stage.SIGNED, LocalDate.parse("2024-06-01"), null, "更正", OFFICE))
                .expectException(CorrectionOutOfOrder.class)
                .expectNoEvents();
        fixture.given(sealed(registered()))
                .when(new TerminateProject(PROJECT, LocalDate.parse("2024-07-02"), "终止", OFFICE))
                .expectException(DatedInFuture.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("an amendment lowering the planned investment by more than 10 % is requested; by 10 % it is recorded")
    void amendmentLoweringTheInvestmentByMoreThanTheBoundIsRequested() {
        fixture.given(sealed(registered()))
                .when(amendInvestment("1350000000.00"))
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, null, null, new BigDecimal("1350000000.00"), null,
                        "投资调整"));
        fixture.given(sealed(registered()))
                .when(amendInvestment("1349999999.99"))
                .expectEventsMatching(requested(new ProjectDetailsAmended(PROJECT, null, null, null,
                        new BigDecimal("1349999999.99"), null, "投资调整")));
        fixture.given(sealed(registered()))
                .when(amendInvestment("9000000000.00"))
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, null, null, new BigDecimal("9000000000.00"), null,
                        "投资调整"));
    }

    @Test
    @DisplayName("an amendment moving a planned date by more than 90 days is requested with only what changes; "
            + "by 90 days, or a stage planned anew, it is recorded")
    void amendmentMovingAPlanByMoreThanTheBoundIsRequested() {
        fixture.given(sealed(registeredWith(PLAN)))
                .when(amendPlans(new PlannedDates(PLAN.signed(), date("2025-09-28"), null, null)))
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, null, null, null, null,
                        new PlannedDates(null, date("2025-09-28"), null, null), null, null, null, "计划调整"));
        fixture.given(sealed(registeredWith(PLAN)))
                .when(amendPlans(new PlannedDates(PLAN.signed(), date("2025-03-31"), null, null)))
                .expectEventsMatching(requested(new ProjectDetailsAmended(PROJECT, null, null, null, null, null,
                        new PlannedDates(null, date("2025-03-31"), null, null), null, null, null, "计划调整")));
        fixture.given(sealed(registered()))
                .when(amendPlans(new PlannedDates(null, null, null, date("2030-01-01"))))
                .expectEvents(new ProjectDetailsAmended(PROJECT, null, null, null, null, null,
                        new PlannedDates(null, null, null, date("2030-01-01")), null, null, null, "计划调整"));
    }

    @Test
    @DisplayName("the district's reviewer approves: ChangeApproved and then the change, both recorded by the reviewer")
    void approvalAppliesTheChange() {
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new ApproveChange(PROJECT, REQUEST, "已核实", REVIEWER))
                .expectEvents(new ChangeApproved(PROJECT, REQUEST, "已核实"), new MilestoneRetracted(PROJECT, Stage.LANDED, "误报"))
                .expectResultMessagePayloadMatching(Matchers.predicate(result -> ((Recorded) result).sequence() == 5));
        List<EventEnvelope> stored = fixture.getEventStore().readEvents(PROJECT.toString()).asStream()
                .map(ProjectTest::envelope).toList();
        assertThat(stored).hasSize(6);
        assertThat(stored.subList(4, 6)).extracting(EventEnvelope::recordedBy).containsOnly("r120116");
        assertThat(stored.subList(4, 6)).extracting(EventEnvelope::sequence).containsExactly(4L, 5L);
        assertThat(stored.get(5).prevHash()).isEqualTo(stored.get(4).hash());
        assertThat(stored).allSatisfy(envelope -> assertThat(envelope.hashIsIntact()).isTrue());
        // the retraction counts from the approval: LANDED is gone, so SIGNED is the highest stage again
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction(),
                        new ChangeApproved(PROJECT, REQUEST, null), new MilestoneRetracted(PROJECT, Stage.LANDED, "误报")))
                .when(milestone(Stage.LANDED, date("2024-03-02"), OFFICE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("a pending request changes nothing: the stage it would retract is still the highest")
    void aPendingRequestChangesNothing() {
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(milestone(Stage.LANDED, date("2024-05-02"), OFFICE))
                .expectException(MilestoneNotAboveHighestStage.class);
    }

    @Test
    @DisplayName("an admin approves any district's request; nobody approves their own")
    void ownRequestsAreNotDecidedByTheirRequester() {
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new ApproveChange(PROJECT, REQUEST, null, ADMIN))
                .expectEvents(new ChangeApproved(PROJECT, REQUEST, null), new MilestoneRetracted(PROJECT, Stage.LANDED, "误报"));
        fixture.given(sealedBy("admin", registered(), signed(date("2024-03-01")), landed(date("2024-05-01")),
                        requestedRetraction()))
                .when(new ApproveChange(PROJECT, REQUEST, null, ADMIN))
                .expectException(OwnChangeRequest.class)
                .expectNoEvents();
        fixture.given(sealedBy("admin", registered(), signed(date("2024-03-01")), landed(date("2024-05-01")),
                        requestedRetraction()))
                .when(new RejectChange(PROJECT, REQUEST, "不同意", ADMIN))
                .expectException(OwnChangeRequest.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a district user is no reviewer; a reviewer of another district is refused as any other district")
    void onlyTheDistrictsReviewerDecides() {
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new ApproveChange(PROJECT, REQUEST, null, Actor.districtOffice("d120116-colleague", DISTRICT)))
                .expectException(NotAReviewer.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new RejectChange(PROJECT, REQUEST, "不同意", OFFICE))
                .expectException(NotAReviewer.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new ApproveChange(PROJECT, REQUEST, null, Actor.reviewerOf("r120101", "120101")))
                .expectException(ProjectOfAnotherDistrict.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("an unknown request is refused; a decided request is closed: a second approval or a rejection is refused")
    void decidedRequestsAreClosed() {
        fixture.given(sealed(registered(), signed(date("2024-03-01"))))
                .when(new ApproveChange(PROJECT, REQUEST, null, REVIEWER))
                .expectException(UnknownChangeRequest.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction(),
                        new ChangeApproved(PROJECT, REQUEST, null), new MilestoneRetracted(PROJECT, Stage.LANDED, "误报")))
                .when(new ApproveChange(PROJECT, REQUEST, null, REVIEWER))
                .expectException(ChangeRequestClosed.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction(),
                        new ChangeWithdrawn(PROJECT, REQUEST, null)))
                .when(new RejectChange(PROJECT, REQUEST, "不同意", REVIEWER))
                .expectException(ChangeRequestClosed.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("the approval judges the change again on the project as it is now")
    void approvalChecksTheRulesAgain() {
        // the correction asked for LANDED, which was retracted meanwhile
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")),
                        new ChangeRequested(PROJECT, REQUEST, new MilestoneCorrected(PROJECT, Stage.LANDED,
                                date("2024-06-20"), null, "更正"), null, null, null),
                        new MilestoneRetracted(PROJECT, Stage.LANDED, "误报")))
                .when(new ApproveChange(PROJECT, REQUEST, null, REVIEWER))
                .expectException(StageNotRecorded.class)
                .expectNoEvents();
        // an amendment of which nothing changes any more: both its fields were amended to the same meanwhile
        ProjectDetailsAmended asked = new ProjectDetailsAmended(PROJECT, "新名字", null, null, new BigDecimal("100.00"),
                null, "调整");
        fixture.given(sealed(registered(), ChangeRequested.of(REQUEST, asked),
                        new ProjectDetailsAmended(PROJECT, "新名字", null, null, new BigDecimal("100.00"), null, "改名")))
                .when(new ApproveChange(PROJECT, REQUEST, null, REVIEWER))
                .expectException(NothingToAmend.class)
                .expectNoEvents();
        // something still changes: the amendment is recorded as the reviewer saw it
        fixture.given(sealed(registered(), ChangeRequested.of(REQUEST, asked),
                        new ProjectDetailsAmended(PROJECT, "新名字", null, null, null, null, "改名")))
                .when(new ApproveChange(PROJECT, REQUEST, null, REVIEWER))
                .expectEvents(new ChangeApproved(PROJECT, REQUEST, null), asked);
    }

    @Test
    @DisplayName("after a termination a pending request is not approved, but it is still rejected or withdrawn")
    void aTerminatedProjectsRequestsAreClosedOnly() {
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction(),
                        terminated()))
                .when(new ApproveChange(PROJECT, REQUEST, null, REVIEWER))
                .expectException(ProjectTerminatedAlready.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction(),
                        terminated()))
                .when(new RejectChange(PROJECT, REQUEST, "项目已终止", REVIEWER))
                .expectEvents(new ChangeRejected(PROJECT, REQUEST, "项目已终止"));
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction(),
                        terminated()))
                .when(new WithdrawChange(PROJECT, REQUEST, null, OFFICE))
                .expectEvents(new ChangeWithdrawn(PROJECT, REQUEST, null));
    }

    @Test
    @DisplayName("only the requester withdraws a request; a withdrawn or rejected request changes nothing")
    void onlyTheRequesterWithdraws() {
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new WithdrawChange(PROJECT, REQUEST, "录错了", Actor.districtOffice("d120116-colleague", DISTRICT)))
                .expectException(NotTheRequester.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new WithdrawChange(PROJECT, REQUEST, "录错了", Actor.districtOffice("d120101", "120101")))
                .expectException(ProjectOfAnotherDistrict.class)
                .expectNoEvents();
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction()))
                .when(new WithdrawChange(PROJECT, REQUEST, "录错了", OFFICE))
                .expectEvents(new ChangeWithdrawn(PROJECT, REQUEST, "录错了"));
        fixture.given(sealed(registered(), signed(date("2024-03-01")), landed(date("2024-05-01")), requestedRetraction(),
                        new ChangeRejected(PROJECT, REQUEST, "不同意")))
                .when(milestone(Stage.STARTED, date("2024-05-02"), OFFICE))
                .expectEvents(new MilestoneRecorded(PROJECT, Stage.STARTED, date("2024-05-02"), new BigDecimal("100.00"), null));
    }

    /** The retraction of LANDED that d120116 requested (as {@link #REQUEST}). */
    private static ChangeRequested requestedRetraction() {
        return ChangeRequested.of(REQUEST, new MilestoneRetracted(PROJECT, Stage.LANDED, "误报"));
    }

    /** Exactly one event: a ChangeRequested (of any request id) carrying this change. */
    private static Matcher<List<org.axonframework.messaging.Message<?>>> requested(ProjectEvent change) {
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(
                Matchers.predicate(payload -> payload instanceof ChangeRequested request && request.change().equals(change)),
                Matchers.andNoMore()));
    }

    private static AmendProjectDetails amendInvestment(String planned) {
        return new AmendProjectDetails(PROJECT, null, null, null, new BigDecimal(planned), null, null, null, null, null,
                "投资调整", OFFICE);
    }

    private static EventEnvelope envelope(EventMessage<?> message) {
        DomainEventMessage<?> domain = (DomainEventMessage<?>) message;
        return EnvelopeMetaData.envelope((ProjectEvent) domain.getPayload(), domain.getSequenceNumber(),
                domain.getMetaData());
    }

    /** Prior events as the aggregate stored them: with their envelope in the metadata. */
    private static List<Object> sealed(ProjectEvent... events) {
        return sealedBy("d120116", events);
    }

    private static List<Object> sealedBy(String recordedBy, ProjectEvent... events) {
        List<Object> messages = new ArrayList<>();
        String prevHash = HashChain.GENESIS_PREV_HASH;
        for (int sequence = 0; sequence < events.length; sequence++) {
            EventEnvelope envelope = HashChain.seal(java.util.UUID.randomUUID(), sequence, NOW, recordedBy,
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
                new BigDecimal("1500000000.00"), null, null, null, null, null, actor);
    }

    /** The plan of the supervision tests: every stage ahead, in order. */
    private static final PlannedDates PLAN = new PlannedDates(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-06-30"),
            LocalDate.parse("2025-09-30"), LocalDate.parse("2026-12-31"));

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static RegisterProject registerPlanned(PlannedDates plans) {
        return new RegisterProject(PROJECT, "TJ-BH-001", "新能源电池基地", DISTRICT, "new-energy", "某某集团",
                new BigDecimal("1500000000.00"), null, plans, null, null, null, OFFICE);
    }

    private static ProjectRegistered registeredWith(PlannedDates plans) {
        return new ProjectRegistered(PROJECT, "TJ-BH-001", "新能源电池基地", DISTRICT, "new-energy", "某某集团",
                new BigDecimal("1500000000.00"), null, plans, "张伟", null, null);
    }

    private static AmendProjectDetails amend(String name, String chain, String reason, Actor actor) {
        return new AmendProjectDetails(PROJECT, name, chain, null, null, null, null, null, null, null, reason, actor);
    }

    private static AmendProjectDetails amendPlans(PlannedDates plans) {
        return new AmendProjectDetails(PROJECT, null, null, null, null, null, plans, null, null, null, "计划调整", OFFICE);
    }

    private static ProjectRegistered registered() {
        return new ProjectRegistered(PROJECT, "TJ-BH-001", "新能源电池基地", DISTRICT, "new-energy", "某某集团",
                new BigDecimal("1500000000.00"), null);
    }

    private static MilestoneRecorded signed(LocalDate date) {
        return new MilestoneRecorded(PROJECT, Stage.SIGNED, date, null, null);
    }

    private static ProjectSuspended suspended(LocalDate date) {
        return new ProjectSuspended(PROJECT, date, "资金未到位");
    }

    private static ProjectTerminated terminated() {
        return new ProjectTerminated(PROJECT, LocalDate.parse("2024-06-15"), "投资方退出");
    }

    private static MilestoneRecorded landed(LocalDate date) {
        return new MilestoneRecorded(PROJECT, Stage.LANDED, date, null, null);
    }

    private static RecordMilestone milestone(Stage stage, LocalDate date, Actor actor) {
        return new RecordMilestone(PROJECT, stage, date, new BigDecimal("100.00"), null, actor);
    }
}
