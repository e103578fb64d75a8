package io.groundbreak.plainaxon.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An event-sourced project, as in Axon's guide: one command, one event, one rule (stages only move up). */
@Aggregate
public class Project {

    @AggregateIdentifier
    private String projectId;
    private Stage highest;

    protected Project() {
        // for event sourcing
    }

    @CommandHandler
    public Project(RegisterProject command) {
        apply(new ProjectRegistered(command.projectId(), command.code(), command.name(), command.district(),
                command.chain(), command.investor(), command.plannedInvestmentCny()));
    }

    @CommandHandler
    public long handle(RecordMilestone command) {
        if (highest != null && command.stage().compareTo(highest) <= 0) {
            throw new StageOutOfOrder(command.stage(), highest);
        }
        apply(new MilestoneRecorded(projectId, command.stage(), command.effectiveDate(), command.amountCny()));
        return command.stage().ordinal();
    }

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        projectId = event.projectId();
    }

    @EventSourcingHandler
    void on(MilestoneRecorded event) {
        highest = event.stage();
    }
}
