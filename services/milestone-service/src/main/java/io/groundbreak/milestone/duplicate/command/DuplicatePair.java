package io.groundbreak.milestone.duplicate.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectId;
import io.groundbreak.milestone.envelope.ChainHead;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import io.groundbreak.milestone.project.command.Recorded;
import java.time.Clock;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The decisions on one pair of projects (issue 20): a stream of its own, hash-chained like a project's, whose every
 * event is a {@link DuplicateDecided}; the latest one holds. The rules: only the city decides, and a decision equal to
 * the one in force is refused (it would record nothing new). That both projects exist is checked before the command
 * is sent, since a pair cannot see its projects.
 */
@Aggregate
public class DuplicatePair {

    @AggregateIdentifier
    private ProjectId pairId;
    private DuplicateDecided inForce;

    @AggregateMember
    private ChainHead chain = new ChainHead();

    protected DuplicatePair() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(DecideDuplicate command, Clock clock) {
        if (command.actor().district().isPresent()) {
            throw new DuplicatesAreTheCitys(command.actor().district().get());
        }
        DuplicateDecided event = new DuplicateDecided(command.pairId(), command.firstProjectId(),
                command.secondProjectId(), command.same(), command.same() ? command.primaryProjectId() : null,
                command.reason());
        if (inForce != null && inForce.same().equals(event.same())
                && Objects.equals(inForce.primaryProjectId(), event.primaryProjectId())) {
            throw new DecisionUnchanged();
        }
        EventEnvelope envelope = chain.seal(event, command.actor().name(), clock.instant(), EventEnvelope.CITY);
        apply(event, EnvelopeMetaData.of(envelope));
        return new Recorded(envelope.id(), envelope.sequence());
    }

    @EventSourcingHandler
    void on(DuplicateDecided event) {
        pairId = event.pairId();
        inForce = event;
    }
}
