package io.groundbreak.audit.reconciliation.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code ok} when every compared funnel agrees figure by figure. */
public record ReconciliationReport(boolean ok, LocalDate validAt, Instant knownAt, int funnelsCompared,
                                   List<Difference> differences) {
}
