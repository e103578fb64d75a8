package io.groundbreak.audit.periods.figures;

import io.groundbreak.audit.funnel.replay.DuplicateDecision;
import io.groundbreak.audit.funnel.replay.DuplicateDecisions;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.LedgerSelection;
import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.InvestmentReported;
import io.groundbreak.events.MilestoneCorrected;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.MilestoneRetracted;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectTerminated;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A district's month replayed from the ledger twice over in one pass: as known at the close (the events recorded at
 * or before it) and as known now. Each event recorded after the close is weighed on its own: the project's part in
 * the month's figures just before it and just after it; if they differ, the event is a restatement and the difference
 * is what it changed. A project's events are recorded in sequence order, so the changes of its events add up to the
 * project's difference, and all of them to the month's. A duplicate (schema 1.3: the non-primary of a pair decided
 * {@code same}) is in neither as known then; a decision recorded after the close that makes a project of the district a
 * duplicate, or no longer one, is weighed the same way, in its time among the project's events.
 */
@Component
public class PeriodReplay {

    private final Ledger ledger;

    PeriodReplay(Ledger ledger) {
        this.ledger = ledger;
    }

    public PeriodFigures figures(YearMonth period, String district, Optional<Instant> closedAt, Instant now) {
        DuplicateDecisions decisions = decisions(now);
        // known now, each project starts as it was at the close; what came after is weighed one by one
        Instant start = closedAt.orElse(now);
        Map<UUID, PeriodProject> asClosed = new HashMap<>();
        Map<UUID, PeriodProject> asKnownNow = new HashMap<>();
        Map<UUID, Instant> weighedUpTo = new HashMap<>();
        List<Restatement> restatements = new ArrayList<>();
        LedgerSelection selection = new LedgerSelection(Optional.empty(), Optional.of(district), Optional.empty(),
                Optional.of(now));
        ledger.eachByProject(selection, event -> {
            ProjectEvent body = event.envelope().data();
            UUID id = event.projectId();
            PeriodProject project = asKnownNow.computeIfAbsent(id,
                    known -> new PeriodProject(decisions.isDuplicateAt(id, start)));
            if (closedAt.isEmpty() || !event.recordedAt().isAfter(closedAt.get())) {
                asClosed.computeIfAbsent(id, known -> new PeriodProject(decisions.isDuplicateAt(id, start))).apply(body);
                project.apply(body);
                return;
            }
            // the decisions on the project's pairs recorded before this event weigh first
            decided(period, district, now, id, project, decisions.naming(id, weighedUpTo.getOrDefault(id, start),
                    event.recordedAt()), decisions, restatements);
            weighedUpTo.put(id, event.recordedAt());
            weigh(period, district, now, project, () -> project.apply(body))
                    .ifPresent(changes -> restatements.add(restatement(event, body, project, changes)));
        });
        if (closedAt.isEmpty()) {
            return new PeriodFigures(null, MonthFigures.of(period, district, now, asKnownNow.values()), List.of(),
                    List.of());
        }
        asKnownNow.forEach((id, project) -> decided(period, district, now, id, project,
                decisions.naming(id, weighedUpTo.getOrDefault(id, start), now), decisions, restatements));
        MonthFigures known = MonthFigures.of(period, district, now, asKnownNow.values());
        MonthFigures closed = MonthFigures.of(period, district, closedAt.get(), asClosed.values());
        restatements.sort(Comparator.comparing(Restatement::recordedAt).thenComparing(Restatement::projectId)
                .thenComparingLong(Restatement::sequence));
        return new PeriodFigures(closed, known, closed.changesTo(known), List.copyOf(restatements));
    }

    /** The pairs' decisions (on their streams, district {@code city}) recorded by now. */
    private DuplicateDecisions decisions(Instant now) {
        DuplicateDecisions decisions = new DuplicateDecisions();
        ledger.eachByProject(new LedgerSelection(Optional.empty(), Optional.of(EventEnvelope.CITY), Optional.empty(),
                Optional.of(now)), event -> {
            EventEnvelope envelope = event.envelope();
            if (envelope.data() instanceof DuplicateDecided) {
                decisions.add(DuplicateDecision.of(envelope));
            }
        });
        return decisions;
    }

    /** A decision recorded after the close that made the project a duplicate, or no longer one, restates the month. */
    private static void decided(YearMonth period, String district, Instant now, UUID id, PeriodProject project,
                                List<DuplicateDecision> decided, DuplicateDecisions decisions,
                                List<Restatement> restatements) {
        for (DuplicateDecision decision : decided) {
            boolean duplicate = decisions.isDuplicateAt(id, decision.recordedAt());
            weigh(period, district, now, project, () -> project.duplicate(duplicate)).ifPresent(changes ->
                    restatements.add(new Restatement(id, project.code(), project.name(), decision.eventId(),
                            decision.sequence(), DuplicateDecided.class.getSimpleName(), null, null,
                            decision.recordedAt(), decision.recordedBy(), List.copyOf(changes))));
        }
    }

    /** The project's part in the month's figures just before and just after the change: what it changed, if anything. */
    private static Optional<List<FigureChange>> weigh(YearMonth period, String district, Instant now,
                                                      PeriodProject project, Runnable change) {
        MonthFigures before = MonthFigures.of(period, district, now, List.of(project));
        change.run();
        List<FigureChange> changes = before.changesTo(MonthFigures.of(period, district, now, List.of(project)));
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes);
    }

    /** Suspensions and resumptions never change a figure, so never come here. */
    private static Restatement restatement(StoredEvent event, ProjectEvent body, PeriodProject project,
                                           List<FigureChange> changes) {
        String stage = null;
        String effective = null;
        if (body instanceof MilestoneRecorded recorded) {
            stage = recorded.stage().name();
            effective = recorded.effectiveDate().toString();
        } else if (body instanceof MilestoneCorrected corrected) {
            stage = corrected.stage().name();
            effective = corrected.effectiveDate().toString();
        } else if (body instanceof MilestoneRetracted retracted) {
            stage = retracted.stage().name();
        } else if (body instanceof ProjectTerminated terminated) {
            effective = terminated.effectiveDate().toString();
        } else if (body instanceof InvestmentReported report) {
            effective = report.period().toString();
        }
        return new Restatement(event.projectId(), project.code(), project.name(), event.id(), event.sequence(),
                event.type(), stage, effective, event.recordedAt(), event.recordedBy(), List.copyOf(changes));
    }
}
