package io.groundbreak.milestone.project.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.milestone.envelope.Chains;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * Random command sequences against the aggregate (in-memory event store): whatever is asked, what
 * gets recorded keeps the invariants of DESIGN.md, and a refused command records nothing.
 */
class ProjectPropertiesTest {

    private static final Instant NOW = Instant.parse("2024-06-30T23:30:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2024-01-01");
    private static final String DISTRICT = "120116";
    private static final Actor OFFICE = Actor.districtOffice("d120116", DISTRICT);
    private static final Actor STRANGER = Actor.districtOffice("d120101", "120101");

    private static Configuration axon;

    @BeforeContainer
    static void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Project.class)
                .registerComponent(Clock.class, c -> Clock.fixed(NOW, ZoneOffset.UTC))
                .buildConfiguration();
        axon.start();
    }

    @AfterContainer
    static void stopAxon() {
        axon.shutdown();
    }

    /** A command without its project: the property aims every command of a try at the try's project. */
    private interface Step {
        Object command(ProjectId project);
    }

    @Property(tries = 300, seed = "20240701")
    void whateverIsAskedTheRecordedHistoryKeepsTheRules(@ForAll("sequences") List<Step> steps) {
        ProjectId project = ProjectId.random();
        CommandGateway commands = axon.commandGateway();
        commands.sendAndWait(new RegisterProject(project, "TJ-" + project, "项目", DISTRICT, "new-energy", "投资方",
                new BigDecimal("100.00"), null, OFFICE));
        int accepted = 1;
        for (Step step : steps) {
            try {
                commands.sendAndWait(step.command(project));
                accepted++;
            } catch (ProjectRuleViolation refused) {
                // a refusal is fine; that it wrote nothing is checked by the count below
            }
        }

        List<? extends DomainEventMessage<?>> events = axon.eventStore().readEvents(project.toString()).asStream().toList();
        assertThat(events).hasSize(accepted);
        Chains.assertIntact(events);
        checkRules(events.stream().map(event -> (ProjectEvent) event.getPayload()).toList());
    }

    /** Replays the history as a reader would and checks that each event was allowed where it stands. */
    private static void checkRules(List<ProjectEvent> events) {
        TreeMap<Stage, LocalDate> stages = new TreeMap<>();
        boolean suspended = false;
        boolean terminated = false;
        for (ProjectEvent event : events.subList(1, events.size())) {
            assertThat(terminated).as("nothing after termination: %s", event).isFalse();
            if (event instanceof MilestoneRecorded recorded) {
                assertThat(suspended).as("no milestone while suspended").isFalse();
                assertThat(stages.isEmpty() || recorded.stage().compareTo(stages.lastKey()) > 0)
                        .as("stages only rise: %s over %s", recorded.stage(), stages).isTrue();
                stages.put(recorded.stage(), recorded.effectiveDate());
            } else if (event instanceof MilestoneCorrected corrected) {
                assertThat(stages).containsKey(corrected.stage());
                stages.put(corrected.stage(), corrected.effectiveDate());
            } else if (event instanceof MilestoneRetracted retracted) {
                assertThat(retracted.stage()).isEqualTo(stages.lastKey());
                stages.remove(retracted.stage());
            } else if (event instanceof ProjectSuspended) {
                assertThat(suspended).isFalse();
                suspended = true;
            } else if (event instanceof ProjectResumed) {
                assertThat(suspended).isTrue();
                suspended = false;
            } else if (event instanceof ProjectTerminated) {
                terminated = true;
            }
            LocalDate previous = null;
            for (Map.Entry<Stage, LocalDate> stage : stages.entrySet()) {
                assertThat(stage.getValue()).as("dates ordered and not after today: %s", stages)
                        .isAfterOrEqualTo(previous == null ? LocalDate.MIN : previous)
                        .isBeforeOrEqualTo(LocalDate.parse("2024-07-01"));
                previous = stage.getValue();
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Stage> stage = Arbitraries.of(Stage.class);
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 190).map(FIRST_DAY::plusDays);
        Arbitrary<Actor> actor = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(OFFICE)), Tuple.of(1, Arbitraries.just(STRANGER)));
        Arbitrary<Step> record = Combinators.combine(stage, date, actor)
                .as((s, d, a) -> p -> new RecordMilestone(p, s, d, null, null, a));
        Arbitrary<Step> correct = Combinators.combine(stage, date, actor)
                .as((s, d, a) -> p -> new CorrectMilestone(p, s, d, new BigDecimal("1.00"), "更正", a));
        Arbitrary<Step> retract = Combinators.combine(stage, actor).as((s, a) -> p -> new RetractMilestone(p, s, "撤回", a));
        Arbitrary<Step> suspend = Combinators.combine(date, actor).as((d, a) -> p -> new SuspendProject(p, d, "暂停", a));
        Arbitrary<Step> resume = Combinators.combine(date, actor).as((d, a) -> p -> new ResumeProject(p, d, "恢复", a));
        Arbitrary<Step> terminate = Combinators.combine(date, actor).as((d, a) -> p -> new TerminateProject(p, d, "终止", a));
        Arbitrary<Step> report = Combinators.combine(date, actor)
                .as((d, a) -> p -> new ReportInvestment(p, YearMonth.from(d), BigDecimal.TEN, a));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(10, record), Tuple.of(4, correct), Tuple.of(3, retract),
                Tuple.of(2, suspend), Tuple.of(2, resume), Tuple.of(1, terminate),
                Tuple.of(2, report));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }
}
