package io.groundbreak.audit.completeness.check;

import io.groundbreak.kit.deadletter.DeadLetter;
import java.util.List;

/**
 * The ledger and funnel-service's read model against the source, milestone-service's event store:
 * {@code sourceProjects} the projects the source holds; every project either copy is behind on; every
 * outstanding parked record; every gap. Complete only when all four lists are empty.
 */
public record Completeness(long sourceProjects, List<Behind> ledgerBehind, List<Behind> funnelBehind,
                           List<DeadLetter> parked, List<Gap> gaps) {

    public boolean complete() {
        return ledgerBehind.isEmpty() && funnelBehind.isEmpty() && parked.isEmpty() && gaps.isEmpty();
    }
}
