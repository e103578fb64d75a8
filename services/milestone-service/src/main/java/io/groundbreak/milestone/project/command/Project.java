package io.groundbreak.milestone.project.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequestId;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.milestone.envelope.ChainHead;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One investment project moving through the funnel; every rule of docs/rules.md is checked here.
 * A terminated project refuses every further write (corrections, reports and amendments included):
 * its record is closed. A suspended one refuses new milestones and a second suspension, but still
 * takes corrections, retractions, reports, amendments, its resumption and its termination.
 * <p>
 * Four eyes on the past (schema 1.3): a correction, retraction, termination or amendment above the {@link ReviewBounds}
 * is checked by the same rules as ever and then, instead of its event, a {@code ChangeRequested} carrying that event is
 * recorded; it changes nothing until the district's reviewer or an admin approves it, when the rules are checked again
 * on the project as it is then and {@code ChangeApproved} is recorded followed by the change. A rejection or the
 * requester's withdrawal closes the request. After a termination a pending request can no longer be approved (the
 * record is closed), but it can still be rejected or withdrawn: closing a request changes nothing.
 */
// a cache of committed states only (config/CommittedStateCache): stale is refused by the store, uncommitted never cached
@Aggregate(cache = "projectCache")
public class Project {

    /** Effective dates are local dates of the city. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    @AggregateIdentifier
    private ProjectId projectId;
    private String district;
    /** Recorded, not retracted stages and their effective dates, in stage order. */
    private final NavigableMap<Stage, LocalDate> stages = new TreeMap<>();
    private LocalDate suspendedSince;
    private LocalDate terminatedOn;
    private final Map<Detail, Object> details = new EnumMap<>(Detail.class);
    /** The planned dates of the stages ahead, as registered and amended (schema 1.1). */
    private PlannedDates plannedDates = PlannedDates.NONE;
    /** Change requests awaiting a second person, and those approved, rejected or withdrawn. */
    private final Map<ChangeRequestId, PendingChange> pending = new HashMap<>();
    private final Set<ChangeRequestId> closed = new HashSet<>();

    private enum Detail { NAME, CHAIN, INVESTOR, PLANNED_INVESTMENT, PARK, RESPONSIBLE_PERSON, RESPONSIBLE_LEADER, SOURCE }

    @AggregateMember
    private ChainHead chain = new ChainHead();

    protected Project() {
        // for event sourcing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public Recorded handle(RegisterProject command, Clock clock) {
        requireDistrict(command.actor(), command.district());
        if (command.plannedDates() != null) {
            requirePlansInStageOrder(command.plannedDates());
        }
        return record(new ProjectRegistered(command.projectId(), command.code(), command.name(),
                command.district(), command.chain(), command.investor(), command.plannedInvestmentCny(),
                command.park(), command.plannedDates(), command.responsiblePerson(), command.responsibleLeader(),
                command.source()), command.actor(), clock, command.district());
    }

    @CommandHandler
    public Recorded handle(RecordMilestone command, Clock clock) {
        requireOpen(command.actor());
        if (suspendedSince != null) {
            throw new ProjectSuspendedNow(suspendedSince);
        }
        Stage highest = highestStage();
        if (!command.stage().isAbove(highest)) {
            throw new MilestoneNotAboveHighestStage(command.stage(), highest);
        }
        requireNotBeforeHighestStage(command.effectiveDate());
        requireNotAfterToday(command.effectiveDate(), clock);
        return record(new MilestoneRecorded(projectId, command.stage(), command.effectiveDate(),
                command.amountCny(), command.note()), command.actor(), clock, district);
    }

    @CommandHandler
    public Recorded handle(CorrectMilestone command, Clock clock, ReviewBounds bounds) {
        requireOpen(command.actor());
        MilestoneCorrected correction = checked(new MilestoneCorrected(projectId, command.stage(),
                command.effectiveDate(), command.amountCny(), command.reason()), clock);
        return recordOrRequest(correction, bounds.correction(stages.get(command.stage()), command.effectiveDate()),
                command.actor(), clock);
    }

    @CommandHandler
    public Recorded handle(RetractMilestone command, Clock clock, ReviewBounds bounds) {
        requireOpen(command.actor());
        MilestoneRetracted retraction = checked(new MilestoneRetracted(projectId, command.stage(), command.reason()));
        return recordOrRequest(retraction, bounds.retraction(), command.actor(), clock);
    }

    @CommandHandler
    public Recorded handle(SuspendProject command, Clock clock) {
        requireOpen(command.actor());
        if (suspendedSince != null) {
            throw new ProjectSuspendedNow(suspendedSince);
        }
        requireNotBeforeHighestStage(command.effectiveDate());
        requireNotAfterToday(command.effectiveDate(), clock);
        return record(new ProjectSuspended(projectId, command.effectiveDate(), command.reason()),
                command.actor(), clock, district);
    }

    @CommandHandler
    public Recorded handle(ResumeProject command, Clock clock) {
        requireOpen(command.actor());
        if (suspendedSince == null) {
            throw new ProjectNotSuspended();
        }
        if (command.effectiveDate().isBefore(suspendedSince)) {
            throw new ResumedBeforeSuspension(command.effectiveDate(), suspendedSince);
        }
        requireNotAfterToday(command.effectiveDate(), clock);
        return record(new ProjectResumed(projectId, command.effectiveDate(), command.reason()),
                command.actor(), clock, district);
    }

    @CommandHandler
    public Recorded handle(TerminateProject command, Clock clock, ReviewBounds bounds) {
        requireOpen(command.actor());
        ProjectTerminated termination = checked(new ProjectTerminated(projectId, command.effectiveDate(),
                command.reason()), clock);
        return recordOrRequest(termination, bounds.termination(), command.actor(), clock);
    }

    @CommandHandler
    public Recorded handle(ReportInvestment command, Clock clock) {
        requireOpen(command.actor());
        YearMonth current = YearMonth.now(clock.withZone(CITY_ZONE));
        if (command.period().isAfter(current)) {
            throw new PeriodInFuture(command.period(), current);
        }
        return record(new InvestmentReported(projectId, command.period(), command.cumulativeCompletedCny()),
                command.actor(), clock, district);
    }

    @CommandHandler
    public Recorded handle(AmendProjectDetails command, Clock clock, ReviewBounds bounds) {
        requireOpen(command.actor());
        ProjectDetailsAmended amendment = checked(new ProjectDetailsAmended(projectId, command.name(), command.chain(),
                command.investor(), command.plannedInvestmentCny(), command.park(), command.plannedDates(),
                command.responsiblePerson(), command.responsibleLeader(), command.source(), command.reason()));
        boolean aboveBounds = bounds.amendment((BigDecimal) details.get(Detail.PLANNED_INVESTMENT),
                amendment.plannedInvestmentCny(), plannedDates, amendment.plannedDates());
        return recordOrRequest(amendment, aboveBounds, command.actor(), clock);
    }

    /**
     * Records ChangeApproved and then the requested change, both by the approver, in this one unit of work (so at
     * consecutive sequences). The change is judged again by its rules on the project as it is now, and then recorded as
     * requested: what the reviewer saw is what takes effect (docs/decisions.md).
     */
    @CommandHandler
    public Recorded handle(ApproveChange command, Clock clock) {
        PendingChange request = decidable(command.requestId(), command.actor());
        if (terminatedOn != null) {
            throw new ProjectTerminatedAlready(terminatedOn);
        }
        checkedChange(request.change(), clock);
        record(new ChangeApproved(projectId, command.requestId(), command.note()), command.actor(), clock, district);
        return record(request.change(), command.actor(), clock, district);
    }

    @CommandHandler
    public Recorded handle(RejectChange command, Clock clock) {
        decidable(command.requestId(), command.actor());
        return record(new ChangeRejected(projectId, command.requestId(), command.reason()), command.actor(), clock,
                district);
    }

    @CommandHandler
    public Recorded handle(WithdrawChange command, Clock clock) {
        requireDistrict(command.actor(), district);
        PendingChange request = pendingRequest(command.requestId());
        if (!request.requester().equals(command.actor().name())) {
            throw new NotTheRequester(command.actor().name(), command.requestId());
        }
        return record(new ChangeWithdrawn(projectId, command.requestId(), command.reason()), command.actor(), clock,
                district);
    }

    @EventSourcingHandler
    void on(ChangeRequested event, MetaData metaData) {
        pending.put(event.requestId(), new PendingChange(EnvelopeMetaData.text(metaData, EnvelopeMetaData.RECORDED_BY),
                event.change()));
    }

    @EventSourcingHandler
    void on(ChangeApproved event) {
        close(event.requestId());
    }

    @EventSourcingHandler
    void on(ChangeRejected event) {
        close(event.requestId());
    }

    @EventSourcingHandler
    void on(ChangeWithdrawn event) {
        close(event.requestId());
    }

    private void close(ChangeRequestId requestId) {
        pending.remove(requestId);
        closed.add(requestId);
    }

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        projectId = event.projectId();
        district = event.district();
        details.put(Detail.NAME, event.name());
        details.put(Detail.CHAIN, event.chain());
        details.put(Detail.INVESTOR, event.investor());
        details.put(Detail.PLANNED_INVESTMENT, event.plannedInvestmentCny());
        putIfPresent(Detail.PARK, event.park());
        putIfPresent(Detail.RESPONSIBLE_PERSON, event.responsiblePerson());
        putIfPresent(Detail.RESPONSIBLE_LEADER, event.responsibleLeader());
        putIfPresent(Detail.SOURCE, event.source());
        plannedDates = plannedDates.with(event.plannedDates());
    }

    @EventSourcingHandler
    void on(MilestoneRecorded event) {
        stages.put(event.stage(), event.effectiveDate());
    }

    @EventSourcingHandler
    void on(MilestoneCorrected event) {
        stages.put(event.stage(), event.effectiveDate());
    }

    @EventSourcingHandler
    void on(MilestoneRetracted event) {
        stages.remove(event.stage());
    }

    @EventSourcingHandler
    void on(ProjectSuspended event) {
        suspendedSince = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(ProjectResumed event) {
        suspendedSince = null;
    }

    @EventSourcingHandler
    void on(ProjectTerminated event) {
        terminatedOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(ProjectDetailsAmended event) {
        putIfPresent(Detail.NAME, event.name());
        putIfPresent(Detail.CHAIN, event.chain());
        putIfPresent(Detail.INVESTOR, event.investor());
        putIfPresent(Detail.PLANNED_INVESTMENT, event.plannedInvestmentCny());
        putIfPresent(Detail.PARK, event.park());
        putIfPresent(Detail.RESPONSIBLE_PERSON, event.responsiblePerson());
        putIfPresent(Detail.RESPONSIBLE_LEADER, event.responsibleLeader());
        putIfPresent(Detail.SOURCE, event.source());
        plannedDates = plannedDates.with(event.plannedDates());
    }

    private void putIfPresent(Detail detail, Object value) {
        if (value != null) {
            details.put(detail, value);
        }
    }

    /**
     * The rules of a change that may need review, one method per kind, shared by the direct write and the approval: the
     * change as it would be recorded now, or the rule it breaks.
     */
    private ProjectEvent checkedChange(ProjectEvent change, Clock clock) {
        if (change instanceof MilestoneCorrected correction) {
            return checked(correction, clock);
        } else if (change instanceof MilestoneRetracted retraction) {
            return checked(retraction);
        } else if (change instanceof ProjectTerminated termination) {
            return checked(termination, clock);
        } else if (change instanceof ProjectDetailsAmended amendment) {
            return checked(amendment);
        }
        throw new IllegalArgumentException(change.type() + " is no change that is reviewed");
    }

    /** A correction changes the date (and amount) of a recorded stage, keeping the stages in order and not after today. */
    private MilestoneCorrected checked(MilestoneCorrected correction, Clock clock) {
        Stage stage = correction.stage();
        if (!stages.containsKey(stage)) {
            throw new StageNotRecorded(stage);
        }
        LocalDate date = correction.effectiveDate();
        Map.Entry<Stage, LocalDate> below = stages.lowerEntry(stage);
        if (below != null && date.isBefore(below.getValue())) {
            throw new CorrectionOutOfOrder(stage, date, below.getKey(), below.getValue());
        }
        Map.Entry<Stage, LocalDate> above = stages.higherEntry(stage);
        if (above != null && date.isAfter(above.getValue())) {
            throw new CorrectionOutOfOrder(stage, date, above.getKey(), above.getValue());
        }
        requireNotAfterToday(date, clock);
        return correction;
    }

    /** Only the highest recorded stage is retracted. */
    private MilestoneRetracted checked(MilestoneRetracted retraction) {
        Stage highest = highestStage();
        if (highest == null) {
            throw new StageNotRecorded(retraction.stage());
        }
        if (retraction.stage() != highest) {
            throw new NotTheHighestStage(retraction.stage(), highest);
        }
        return retraction;
    }

    private ProjectTerminated checked(ProjectTerminated termination, Clock clock) {
        requireNotBeforeHighestStage(termination.effectiveDate());
        requireNotAfterToday(termination.effectiveDate(), clock);
        return termination;
    }

    /**
     * The amendment with only what really changes, so that its history says what was amended; at approval, refused when
     * nothing of the request changes any more.
     */
    private ProjectDetailsAmended checked(ProjectDetailsAmended asked) {
        String name = changed(Detail.NAME, asked.name());
        String chainCode = changed(Detail.CHAIN, asked.chain());
        String investor = changed(Detail.INVESTOR, asked.investor());
        BigDecimal planned = changed(Detail.PLANNED_INVESTMENT, asked.plannedInvestmentCny());
        String park = changed(Detail.PARK, asked.park());
        PlannedDates plans = changedPlans(asked.plannedDates());
        String person = changed(Detail.RESPONSIBLE_PERSON, asked.responsiblePerson());
        String leader = changed(Detail.RESPONSIBLE_LEADER, asked.responsibleLeader());
        String source = changed(Detail.SOURCE, asked.source());
        if (name == null && chainCode == null && investor == null && planned == null && park == null && plans == null
                && person == null && leader == null && source == null) {
            throw new NothingToAmend();
        }
        if (plans != null) {
            Stage highest = highestStage();
            for (Stage stage : plans.byStage().keySet()) {
                if (!stage.isAbove(highest)) {
                    throw new PlannedStageReached(stage, highest);
                }
            }
            requirePlansInStageOrder(plannedDates.with(plans));
        }
        return new ProjectDetailsAmended(projectId, name, chainCode, investor, planned, park, plans, person, leader,
                source, asked.reason());
    }

    /** The change itself, or when above the review bounds a request for it that changes nothing yet. */
    private Recorded recordOrRequest(ProjectEvent change, boolean aboveBounds, Actor actor, Clock clock) {
        if (!aboveBounds) {
            return record(change, actor, clock, district);
        }
        ChangeRequestId requestId = ChangeRequestId.random();
        Recorded requested = record(ChangeRequested.of(requestId, change), actor, clock, district);
        return new Recorded(requested.eventId(), requested.sequence(), requestId);
    }

    /** A pending request the actor may approve or reject: a reviewer of the project's district or the city, not its requester. */
    private PendingChange decidable(ChangeRequestId requestId, Actor actor) {
        requireDistrict(actor, district);
        if (!actor.mayReview()) {
            throw new NotAReviewer(actor.name());
        }
        PendingChange request = pendingRequest(requestId);
        if (request.requester().equals(actor.name())) {
            throw new OwnChangeRequest(actor.name(), requestId);
        }
        return request;
    }

    private PendingChange pendingRequest(ChangeRequestId requestId) {
        PendingChange request = pending.get(requestId);
        if (request == null) {
            throw closed.contains(requestId) ? new ChangeRequestClosed(requestId) : new UnknownChangeRequest(requestId.toString());
        }
        return request;
    }

    /** The requested value when it differs from the current one, else null (left out of the event). */
    private <T> T changed(Detail detail, T requested) {
        Object current = details.get(detail);
        boolean same = requested instanceof BigDecimal amount && current instanceof BigDecimal now
                ? amount.compareTo(now) == 0
                : Objects.equals(requested, current);
        return requested == null || same ? null : requested;
    }

    /** The requested stages whose planned date differs from the current plan, or null when none does. */
    private PlannedDates changedPlans(PlannedDates requested) {
        if (requested == null) {
            return null;
        }
        Map<Stage, LocalDate> changes = new EnumMap<>(Stage.class);
        requested.byStage().forEach((stage, date) -> {
            if (!date.equals(plannedDates.of(stage))) {
                changes.put(stage, date);
            }
        });
        return PlannedDates.ofStages(changes);
    }

    /**
     * The stages still ahead (above the highest recorded one) are planned in funnel order, equal dates allowed; the
     * plan of a stage already reached is history and no longer constrains the others.
     */
    private void requirePlansInStageOrder(PlannedDates plans) {
        Stage highest = highestStage();
        Stage earlier = null;
        for (Map.Entry<Stage, LocalDate> plan : plans.byStage().entrySet()) {
            if (!plan.getKey().isAbove(highest)) {
                continue;
            }
            if (earlier != null && plan.getValue().isBefore(plans.of(earlier))) {
                throw new PlannedDatesOutOfOrder(earlier, plans.of(earlier), plan.getKey(), plan.getValue());
            }
            earlier = plan.getKey();
        }
    }

    private Stage highestStage() {
        return stages.isEmpty() ? null : stages.lastKey();
    }

    private void requireOpen(Actor actor) {
        requireDistrict(actor, district);
        if (terminatedOn != null) {
            throw new ProjectTerminatedAlready(terminatedOn);
        }
    }

    private void requireNotBeforeHighestStage(LocalDate date) {
        if (!stages.isEmpty() && date.isBefore(stages.lastEntry().getValue())) {
            throw new DatedBeforeHighestStage(date, stages.lastEntry().getValue());
        }
    }

    private static void requireNotAfterToday(LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(CITY_ZONE));
        if (date.isAfter(today)) {
            throw new DatedInFuture(date, today);
        }
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
