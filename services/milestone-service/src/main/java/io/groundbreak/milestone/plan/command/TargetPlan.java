package io.groundbreak.milestone.plan.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.TargetsSet;
import io.groundbreak.milestone.envelope.ChainHead;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import io.groundbreak.milestone.project.command.Recorded;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A year's targets by district and chain (issue 19): a stream of its own, hash-chained like a project's, whose every
 * event is a {@link TargetsSet}; it begins with the year's first targets. Who may set them is the only rule here; the
 * cells are checked against the reference data before the command is sent.
 */
@Aggregate
public class TargetPlan {

    @AggregateIdentifier
    private ProjectId planId;

    @AggregateMember
    private ChainHead chain = new ChainHead();

    protected TargetPlan() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(SetTargets command, Clock clock) {
        if (command.actor().district().isPresent()) {
            throw new TargetsAreTheCitys(command.actor().district().get());
        }
        TargetsSet event = new TargetsSet(command.planId(), command.year(), command.targets(), command.reason());
        EventEnvelope envelope = chain.seal(event, command.actor().name(), clock.instant(), EventEnvelope.CITY);
        apply(event, EnvelopeMetaData.of(envelope));
        return new Recorded(envelope.id(), envelope.sequence());
    }

    @EventSourcingHandler
    void on(TargetsSet event) {
        planId = event.planId();
    }
}
