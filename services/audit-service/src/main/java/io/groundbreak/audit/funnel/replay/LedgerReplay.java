package io.groundbreak.audit.funnel.replay;

import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.LedgerSelection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Replays the ledger as it was at an instant: the events recorded (envelope {@code time}) at or before
 * it, each project's in sequence order, folded into one small state per project; the duplicates known by then (the
 * pairs' streams, schema 1.3) are left out. Time grows with the
 * number of events, memory with the number of projects (a few hundred bytes each: 10,000 projects are
 * a few MB); the events themselves stream through a cursor.
 */
@Component
public class LedgerReplay {

    private final Ledger ledger;

    LedgerReplay(Ledger ledger) {
        this.ledger = ledger;
    }

    public Collection<ProjectState> projectsKnownAt(Instant knownAt) {
        KnownProjects projects = new KnownProjects();
        ledger.eachByProject(LedgerSelection.knownAt(knownAt), event -> projects.apply(event.envelope()));
        return projects.counted(knownAt);
    }

    public Funnel funnel(LocalDate validAt, Instant knownAt, FunnelScope scope) {
        return Funnel.of(validAt, knownAt, projectsKnownAt(knownAt), scope);
    }
}
