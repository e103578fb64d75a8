package io.groundbreak.milestone.project.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences against the aggregate (in-memory event store): whatever is asked, what
 * gets recorded keeps the invariants of docs/rules.md, and a refused command records nothing. Plain JUnit
 * with a seeded Random (not jqwik, whose output asks AI agents not to use it): {@code -Dproject.seed=N}
 * replays a run, and a failure names its seed and try.
 */
class ProjectPropertiesTest {

    private static final Instant NOW = Instant.parse("2024-06-30T23:30:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2024-01-01");
    private static final String DISTRICT = "120116";
    private static final Actor OFFICE = Actor.districtOffice("d120116", DISTRICT);
    private static final Actor STRANGER = Actor.districtOffice("d120101", "120101");
    private static final Actor REVIEWER = Actor.reviewerOf("r120116", DISTRICT);

    private static Configuration axon;

    private static final long SEED = Long.getLong("project.seed", 20240701L);
    private static final int TRIES = 300;

    @BeforeAll
    static void startAxon() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Project.class)
                .registerComponent(Clock.class, c -> Clock.fixed(NOW, ZoneOffset.UTC))
                .registerComponent(ReviewBounds.class, c -> new ReviewBounds(true, 30, true, true, BigDecimal.TEN, 90))
                .buildConfiguration();
        axon.start();
    }

    @AfterAll
    static void stopAxon() {
        axon.shutdown();
    }

    /** A command without its project: the property aims every command of a try at the try's project. */
    private interface Step {
        Object command(ProjectId project);
    }

    @Test
    void whateverIsAskedTheRecordedHistoryKeepsTheRules() {
        Random random = new Random(SEED);
        Map<String, Integer> recorded = new TreeMap<>();
        for (int attempt = 0; attempt < TRIES; attempt++) {
            List<Step> steps = sequence(random);
            try {
                historyKeepsTheRules(steps).forEach(event -> recorded.merge(event.type(), 1, Integer::sum));
            } catch (AssertionError broken) {
                throw new AssertionError("seed " + SEED + ", try " + attempt + ": " + broken.getMessage(), broken);
            }
        }
        // the tries reached the four-eyes paths, not only refusals of them
        assertThat(recorded).as("events recorded by all tries").containsKeys("ChangeRequested", "ChangeApproved",
                "ChangeRejected", "ChangeWithdrawn", "MilestoneRetracted", "ProjectTerminated");
    }

    private static List<ProjectEvent> historyKeepsTheRules(List<Step> steps) {
        ProjectId project = ProjectId.random();
        CommandGateway commands = axon.commandGateway();
        commands.sendAndWait(new RegisterProject(project, "TJ-" + project, "项目", DISTRICT, "new-energy", "投资方",
                new BigDecimal("100.00"), null, null, null, null, null, OFFICE));
        int accepted = 1;
        for (Step step : steps) {
            try {
                Object command = step.command(project);
                commands.sendAndWait(command);
                accepted += command instanceof ApproveChange ? 2 : 1; // the approval and the change
            } catch (ProjectRuleViolation refused) {
                // a refusal is fine; that it wrote nothing is checked by the count below
            }
        }

        List<? extends DomainEventMessage<?>> events = axon.eventStore().readEvents(project.toString()).asStream().toList();
        assertThat(events).hasSize(accepted);
        Chains.assertIntact(events);
        List<ProjectEvent> history = events.stream().map(event -> (ProjectEvent) event.getPayload()).toList();
        checkRules(history);
        return history;
    }

    /**
     * Replays the history as a reader would and checks that each event was allowed where it stands: a request changes
     * nothing, and only a pending one is decided; an approval is followed by the change it approves.
     */
    private static void checkRules(List<ProjectEvent> events) {
        TreeMap<Stage, LocalDate> stages = new TreeMap<>();
        boolean suspended = false;
        boolean terminated = false;
        Map<ChangeRequestId, ProjectEvent> pending = new HashMap<>();
        ProjectEvent approved = null;
        for (ProjectEvent event : events.subList(1, events.size())) {
            if (approved != null) {
                assertThat(event.getClass()).as("the approved change follows its approval").isEqualTo(approved.getClass());
                approved = null;
            }
            boolean closing = event instanceof ChangeRejected || event instanceof ChangeWithdrawn;
            assertThat(terminated && !closing).as("nothing but closing a request after termination: %s", event).isFalse();
            if (event instanceof ChangeRequested request) {
                pending.put(request.requestId(), request.change());
            } else if (event instanceof ChangeApproved approval) {
                approved = pending.remove(approval.requestId());
                assertThat(approved).as("only a pending request is approved").isNotNull();
            } else if (event instanceof ChangeRejected rejection) {
                assertThat(pending.remove(rejection.requestId())).as("only a pending request is rejected").isNotNull();
            } else if (event instanceof ChangeWithdrawn withdrawal) {
                assertThat(pending.remove(withdrawal.requestId())).as("only a pending request is withdrawn").isNotNull();
            } else if (event instanceof MilestoneRecorded recorded) {
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

    /**
     * 1 to 25 commands, mostly milestones and corrections, now and then from another district; retractions,
     * terminations and corrections by more than 30 days are requested, and decided on by the reviewer, the requester
     * (refused but for a withdrawal) or a stranger.
     */
    private static List<Step> sequence(Random random) {
        List<Function<Random, Step>> kinds = new ArrayList<>();
        add(kinds, 10, r -> {
            Stage stage = stage(r);
            LocalDate date = date(r);
            Actor actor = actor(r);
            return p -> new RecordMilestone(p, stage, date, null, null, actor);
        });
        add(kinds, 4, r -> {
            Stage stage = stage(r);
            LocalDate date = date(r);
            Actor actor = actor(r);
            return p -> new CorrectMilestone(p, stage, date, new BigDecimal("1.00"), "更正", actor);
        });
        add(kinds, 3, r -> {
            Stage stage = stage(r);
            Actor actor = actor(r);
            return p -> new RetractMilestone(p, stage, "撤回", actor);
        });
        add(kinds, 2, r -> dated(r, (p, d, a) -> new SuspendProject(p, d, "暂停", a)));
        add(kinds, 2, r -> dated(r, (p, d, a) -> new ResumeProject(p, d, "恢复", a)));
        add(kinds, 1, r -> dated(r, (p, d, a) -> new TerminateProject(p, d, "终止", a)));
        add(kinds, 2, r -> dated(r, (p, d, a) -> new ReportInvestment(p, YearMonth.from(d), BigDecimal.TEN, a)));
        add(kinds, 4, r -> decision(r, (p, id, a) -> new ApproveChange(p, id, null, a)));
        add(kinds, 1, r -> decision(r, (p, id, a) -> new RejectChange(p, id, "不同意", a)));
        add(kinds, 1, r -> decision(r, (p, id, a) -> new WithdrawChange(p, id, null, a)));
        List<Step> steps = new ArrayList<>();
        int length = 1 + random.nextInt(25);
        for (int i = 0; i < length; i++) {
            steps.add(kinds.get(random.nextInt(kinds.size())).apply(random));
        }
        return steps;
    }

    private interface DatedCommand {
        Object command(ProjectId project, LocalDate date, Actor actor);
    }

    private static Step dated(Random random, DatedCommand command) {
        LocalDate date = date(random);
        Actor actor = actor(random);
        return p -> command.command(p, date, actor);
    }

    private interface Decision {
        Object command(ProjectId project, ChangeRequestId request, Actor actor);
    }

    /** A decision on the project's latest change request (a request of its own id when there is none yet). */
    private static Step decision(Random random, Decision decision) {
        Actor actor = switch (random.nextInt(4)) {
            case 0 -> OFFICE;
            case 1 -> STRANGER;
            default -> REVIEWER;
        };
        return p -> decision.command(p, axon.eventStore().readEvents(p.toString()).asStream()
                .map(event -> event.getPayload() instanceof ChangeRequested request ? request.requestId() : null)
                .filter(Objects::nonNull)
                .reduce((first, second) -> second)
                .orElse(new ChangeRequestId(p.value())), actor);
    }

    /** Adds a kind of command {@code weight} times, so that drawing uniformly draws it by weight. */
    private static void add(List<Function<Random, Step>> kinds, int weight, Function<Random, Step> kind) {
        for (int i = 0; i < weight; i++) {
            kinds.add(kind);
        }
    }

    private static Stage stage(Random random) {
        return Stage.values()[random.nextInt(Stage.values().length)];
    }

    private static LocalDate date(Random random) {
        return FIRST_DAY.plusDays(random.nextInt(191));
    }

    private static Actor actor(Random random) {
        return random.nextInt(13) == 0 ? STRANGER : OFFICE;
    }
}
