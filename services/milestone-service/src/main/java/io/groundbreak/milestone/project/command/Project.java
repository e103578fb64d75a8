package io.groundbreak.milestone.project.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One investment project moving through the funnel; every rule of DESIGN.md is checked here. */
@Aggregate
public class Project {

    /** Effective dates are local dates of the city. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    @AggregateIdentifier
    private ProjectId projectId;
    private String district;
    private Stage highestStage;
    private LocalDate highestStageDate;

    @AggregateMember
    private ChainHead chain = new ChainHead();

    protected Project() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public Recorded handle(RegisterProject command, Clock clock) {
        requireDistrict(command.actor(), command.district());
        return record(new ProjectRegistered(command.projectId(), command.code(), command.name(),
                command.district(), command.chain(), command.investor(), command.plannedInvestmentCny(),
                command.park()), command.actor(), clock, command.district());
    }

    @CommandHandler
    public Recorded handle(RecordMilestone command, Clock clock) {
        requireDistrict(command.actor(), district);
        if (!command.stage().isAbove(highestStage)) {
            throw new MilestoneNotAboveHighestStage(command.stage(), highestStage);
        }
        if (highestStageDate != null && command.effectiveDate().isBefore(highestStageDate)) {
            throw new MilestoneBeforeHighestStageDate(command.effectiveDate(), highestStageDate);
        }
        LocalDate today = LocalDate.now(clock.withZone(CITY_ZONE));
        if (command.effectiveDate().isAfter(today)) {
            throw new MilestoneDatedInFuture(command.effectiveDate(), today);
        }
        return record(new MilestoneRecorded(projectId, command.stage(), command.effectiveDate(),
                command.amountCny(), command.note()), command.actor(), clock, district);
    }

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        projectId = event.projectId();
        district = event.district();
    }

    @EventSourcingHandler
    void on(MilestoneRecorded event) {
        highestStage = event.stage();
        highestStageDate = event.effectiveDate();
    }

    private Recorded record(ProjectEvent event, Actor actor, Clock clock, String projectDistrict) {
        EventEnvelope envelope = chain.seal(event, actor.name(), clock.instant(), projectDistrict);
        apply(event, EnvelopeMetaData.of(envelope));
        return new Recorded(envelope.id(), envelope.sequence());
    }

    private static void requireDistrict(Actor actor, String projectDistrict) {
        if (!actor.mayActIn(projectDistrict)) {
            throw new ProjectOfAnotherDistrict(actor.district().orElseThrow(), projectDistrict);
        }
    }
}
