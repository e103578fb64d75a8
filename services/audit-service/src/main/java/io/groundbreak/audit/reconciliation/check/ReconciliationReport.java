package io.groundbreak.audit.reconciliation.check;

import io.groundbreak.audit.completeness.check.Completeness;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code ok} when every compared funnel agrees figure by figure and both the ledger and funnel-service's read
 * model are complete against milestone-service's event store.
 */
public record ReconciliationReport(boolean ok, LocalDate validAt, Instant knownAt, int funnelsCompared,
                                   List<Difference> differences, Completeness completeness) {
}
