package io.groundbreak.audit.periods.figures;

import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.LedgerSelection;
import io.groundbreak.audit.ledger.store.StoredEvent;
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
 * project's difference, and all of them to the month's.
 */
@Component
public class PeriodReplay {

    private final Ledger ledger;

    PeriodReplay(Ledger ledger) {
        this.ledger = ledger;
    }

    public PeriodFigures figures(YearMonth period, String district, Optional<Instant> closedAt, Instant now) {
        Map<UUID, PeriodProject> asClosed = new HashMap<>();
        Map<UUID, PeriodProject> asKnownNow = new HashMap<>();
        List<Restatement> restatements = new ArrayList<>();
        LedgerSelection selection = new LedgerSelection(Optional.empty(), Optional.of(district), Optional.empty(),
                Optional.of(now));
        ledger.eachByProject(selection, event -> {
            ProjectEvent body = event.envelope().data();
            PeriodProject project = asKnownNow.computeIfAbsent(event.projectId(), id -> new PeriodProject());
            if (closedAt.isEmpty() || !event.recordedAt().isAfter(closedAt.get())) {
                asClosed.computeIfAbsent(event.projectId(), id -> new PeriodProject()).apply(body);
                project.apply(body);
                return;
            }
            MonthFigures before = MonthFigures.of(period, district, now, List.of(project));
            project.apply(body);
            List<FigureChange> changes = before.changesTo(MonthFigures.of(period, district, now, List.of(project)));
            if (!changes.isEmpty()) {
                restatements.add(restatement(event, body, project, changes));
            }
        });
        MonthFigures known = MonthFigures.of(period, district, now, asKnownNow.values());
        if (closedAt.isEmpty()) {
            return new PeriodFigures(null, known, List.of(), List.of());
        }
        MonthFigures closed = MonthFigures.of(period, district, closedAt.get(), asClosed.values());
        restatements.sort(Comparator.comparing(Restatement::recordedAt).thenComparing(Restatement::projectId)
                .thenComparingLong(Restatement::sequence));
        return new PeriodFigures(closed, known, closed.changesTo(known), List.copyOf(restatements));
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
