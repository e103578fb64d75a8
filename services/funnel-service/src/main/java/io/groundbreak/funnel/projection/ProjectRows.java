package io.groundbreak.funnel.projection;

import io.groundbreak.events.ChangeApproved;
import io.groundbreak.events.ChangeRejected;
import io.groundbreak.events.ChangeRequested;
import io.groundbreak.events.ChangeWithdrawn;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectDetailsAmended;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.ProjectResumed;
import io.groundbreak.events.ProjectSuspended;
import io.groundbreak.events.ProjectTerminated;
import io.groundbreak.events.Stage;
import io.groundbreak.events.TargetCell;
import io.groundbreak.events.TargetsSet;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One project's read-model rows while a batch of events is applied: loaded once, changed in memory event by
 * event exactly as each event changes the tables, written back once ({@link ReadModelRows#write}). The
 * project's funnel contribution is compared between the rows as loaded and as written, so funnel_delta gets
 * one difference per project and batch.
 */
final class ProjectRows {

    static final long NOTHING_APPLIED = -1;
    /** The smallest amount that numeric(20, 2) cannot hold once rounded to cents: 10^18. */
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999999999.995");

    final UUID projectId;
    final long lastAppliedBefore;
    /** The envelope hash of the last applied event (null for rows applied before it was kept). */
    String lastHash;
    final ProjectRow projectBefore;
    final Map<Stage, StageRow> stagesBefore;
    long lastApplied;
    /** When the batch's last applied event of the project was recorded (null while the batch applied none). */
    Instant lastRecordedAt;
    ProjectRow project;
    final Map<Stage, StageRow> stages;
    /** The date the batch's first resumption closes the suspensions stored before the batch with; null if none. */
    LocalDate storedSuspensionsResumedOn;
    final List<SuspensionRow> newSuspensions = new ArrayList<>();
    /** Investment reports by period, the last of the batch for a period winning as it would in the table. */
    final Map<String, BigDecimal> reports = new LinkedHashMap<>();
    /** The target changes of the batch, when the stream is a year's plan (TargetsSet) rather than a project's. */
    final List<PlanChange> planChanges = new ArrayList<>();
    /** The latest decision of the batch, when the stream is a pair's (DuplicateDecided) rather than a project's. */
    PairDecision decision;
    /** The batch's change request events of the project, in order: change_request's rows, no figure. */
    final List<RequestStep> requestSteps = new ArrayList<>();
    /**
     * The pairs whose latest decision makes the project a duplicate, as stored and as the batch leaves them: a duplicate
     * has no part in the funnel, whenever its events and the decision come.
     */
    final Set<UUID> duplicateInBefore;
    final Set<UUID> duplicateIn;

    ProjectRows(UUID projectId, long lastApplied, String lastHash, ProjectRow project, Map<Stage, StageRow> stages,
                Set<UUID> duplicateIn) {
        this.projectId = projectId;
        this.lastHash = lastHash;
        this.lastAppliedBefore = lastApplied;
        this.lastApplied = lastApplied;
        this.projectBefore = project;
        this.project = project;
        this.stagesBefore = Map.copyOf(stages);
        this.stages = stages.isEmpty() ? new EnumMap<>(Stage.class) : new EnumMap<>(stages);
        this.duplicateInBefore = Set.copyOf(duplicateIn);
        this.duplicateIn = new HashSet<>(duplicateIn);
    }

    /**
     * What the event may do to the project as the rows stand: {@link Outcome#APPLIED} when it is the next event, intact
     * and linked to the last applied one's hash (then {@link #apply} it), else why not. The live consumer, a reprocess
     * and a rebuild's fold all judge by this.
     */
    Outcome judge(EventEnvelope envelope) {
        if (envelope.sequence() == lastApplied && lastHash != null && !lastHash.equals(envelope.hash())) {
            return Outcome.SEQUENCE_TAKEN;
        } else if (envelope.sequence() <= lastApplied) {
            return Outcome.REDELIVERED;
        } else if (envelope.sequence() > lastApplied + 1) {
            return Outcome.GAP;
        } else if (!envelope.hashIsIntact()) {
            return Outcome.HASH_MISMATCH;
        } else if (!linksTo(envelope)) {
            return Outcome.PREV_HASH_MISMATCH;
        }
        return Outcome.APPLIED;
    }

    /**
     * The event's prevHash is the hash of the project's last applied event (the genesis hash for sequence 0); a
     * project applied before hashes were kept (last_hash null) is taken on trust.
     */
    private boolean linksTo(EventEnvelope envelope) {
        if (envelope.sequence() == 0) {
            return HashChain.GENESIS_PREV_HASH.equals(envelope.prevHash());
        }
        return lastHash == null || lastHash.equals(envelope.prevHash());
    }

    /**
     * Why the tables would refuse the event's change, or null: a row of its own (a stage, a suspension, a report) for
     * a project without a {@code project} row (their foreign keys), or an amount beyond their {@code numeric(20, 2)}.
     * A live write fails on it and the event is parked; a fold in memory asks first.
     */
    String refusal(ProjectEvent event) {
        if (project == null && (event instanceof MilestoneRecorded || event instanceof ProjectSuspended
                || event instanceof InvestmentReported)) {
            return "its project is not registered";
        }
        BigDecimal amount = event instanceof ProjectRegistered registered ? registered.plannedInvestmentCny()
                : event instanceof ProjectDetailsAmended amended ? amended.plannedInvestmentCny()
                : event instanceof MilestoneRecorded recorded ? recorded.amountCny()
                : event instanceof MilestoneCorrected corrected ? corrected.amountCny()
                : event instanceof InvestmentReported reported ? reported.cumulativeCompletedCny() : null;
        if (amount != null && amount.abs().compareTo(LARGEST_AMOUNT) >= 0) {
            return "the amount " + amount.toPlainString() + " does not fit numeric(20, 2)";
        }
        if (event instanceof TargetsSet targets) {
            for (TargetCell cell : targets.targets()) {
                for (BigDecimal target : java.util.Arrays.asList(cell.plannedInvestmentCny(), cell.completedInvestmentCny())) {
                    if (target != null && target.abs().compareTo(LARGEST_AMOUNT) >= 0) {
                        return "the target " + target.toPlainString() + " does not fit numeric(20, 2)";
                    }
                }
            }
        }
        return null;
    }

    /**
     * Changes the rows as the event changes the tables; the sequence has been checked by the caller. Text goes
     * through {@link StorableText} (PostgreSQL cannot hold U+0000).
     */
    void apply(EventEnvelope envelope) {
        long sequence = envelope.sequence();
        ProjectEvent event = envelope.data();
        if (event instanceof ProjectRegistered registered) {
            project = new ProjectRow(StorableText.of(registered.code()), StorableText.of(registered.name()),
                    StorableText.of(registered.district()), StorableText.of(registered.chain()),
                    StorableText.of(registered.investor()), StorableText.of(registered.park()),
                    registered.plannedInvestmentCny(), null, PlannedDates.NONE.with(registered.plannedDates()),
                    StorableText.of(registered.responsiblePerson()), StorableText.of(registered.responsibleLeader()),
                    StorableText.of(registered.source()));
        } else if (event instanceof MilestoneRecorded recorded) {
            // a stage recorded again after its retraction takes the new date and amount
            stages.put(recorded.stage(), new StageRow(recorded.effectiveDate(), recorded.amountCny()));
        } else if (event instanceof MilestoneCorrected corrected) {
            // a correction without an amount keeps the recorded amount; one of a stage not recorded changes nothing
            stages.computeIfPresent(corrected.stage(), (stage, row) -> new StageRow(corrected.effectiveDate(),
                    corrected.amountCny() != null ? corrected.amountCny() : row.amountCny()));
        } else if (event instanceof MilestoneRetracted retracted) {
            stages.remove(retracted.stage());
        } else if (event instanceof ProjectSuspended suspended) {
            newSuspensions.add(new SuspensionRow(sequence, suspended.effectiveDate(), null));
        } else if (event instanceof ProjectResumed resumed) {
            // a resumption closes every open suspension, stored or not
            if (storedSuspensionsResumedOn == null) {
                storedSuspensionsResumedOn = resumed.effectiveDate();
            }
            newSuspensions.replaceAll(row -> row.resumedOn() == null ? row.resumed(resumed.effectiveDate()) : row);
        } else if (event instanceof ProjectTerminated terminated) {
            project = project == null ? null : project.terminated(terminated.effectiveDate());
        } else if (event instanceof InvestmentReported reported) {
            reports.put(reported.period().toString(), reported.cumulativeCompletedCny());
        } else if (event instanceof ProjectDetailsAmended amended) {
            project = project == null ? null : project.amended(StorableText.of(amended.name()),
                    StorableText.of(amended.chain()), StorableText.of(amended.investor()), StorableText.of(amended.park()),
                    amended.plannedInvestmentCny(), amended.plannedDates(), StorableText.of(amended.responsiblePerson()),
                    StorableText.of(amended.responsibleLeader()), StorableText.of(amended.source()));
        } else if (event instanceof TargetsSet targets) {
            // a year's plan stream (schema 1.2): no project row, its changes kept as they come
            planChanges.add(new PlanChange(envelope.id(), sequence, envelope.time(), envelope.recordedBy(), targets));
        } else if (event instanceof DuplicateDecided decided) {
            // a pair's stream (schema 1.3): the latest decision replaces the earlier ones; its projects are told apart
            decision = new PairDecision(envelope.id(), sequence, envelope.time(), envelope.recordedBy(), decided);
        } else if (event instanceof ChangeRequested || event instanceof ChangeApproved || event instanceof ChangeRejected
                || event instanceof ChangeWithdrawn) {
            // the approved change follows as an event of its own, which moves the figures
            requestSteps.add(new RequestStep(sequence, envelope.time(), envelope.recordedBy(), event));
        }
        lastApplied = sequence;
        lastHash = StorableText.of(envelope.hash());
        lastRecordedAt = envelope.time();
    }

    /** A decision on {@code pair} makes the project a duplicate, or no longer one through that pair. */
    void pairDecided(UUID pair, boolean duplicate) {
        if (duplicate) {
            duplicateIn.add(pair);
        } else {
            duplicateIn.remove(pair);
        }
    }

    /** True when the batch changed something of the project: an event of its own, or a pair's decision on it. */
    boolean changed() {
        return lastApplied != lastAppliedBefore || duplicateIn.isEmpty() != duplicateInBefore.isEmpty();
    }

    boolean projectChanged() {
        return project != null && !project.equals(projectBefore);
    }

    /** What the batch did to the project's place in the funnel: its contribution after minus before. */
    Map<FunnelPosition, Change> funnelDifference() {
        return ProjectTimeline.difference(
                timeline(projectBefore, stagesBefore, duplicateInBefore).map(ProjectTimeline::contribution).orElse(Map.of()),
                timeline(project, stages, duplicateIn).map(ProjectTimeline::contribution).orElse(Map.of()));
    }

    /** None for a duplicate: it is counted once, as its primary. */
    private static Optional<ProjectTimeline> timeline(ProjectRow project, Map<Stage, StageRow> stages,
                                                      Set<UUID> duplicateIn) {
        if (project == null || !duplicateIn.isEmpty()) {
            return Optional.empty();
        }
        Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
        stages.forEach((stage, row) -> dates.put(stage, row.effectiveDate()));
        return Optional.of(new ProjectTimeline(project.district(), project.chain(), project.plannedInvestmentCny(),
                dates, project.terminatedOn()));
    }
}
