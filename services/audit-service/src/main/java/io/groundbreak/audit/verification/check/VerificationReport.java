package io.groundbreak.audit.verification.check;

import io.groundbreak.audit.completeness.check.Completeness;
import java.util.List;

/**
 * {@code ok} only when every stored hash and link is right, nothing is parked, and the ledger is complete
 * against milestone-service's event store (and funnel-service's read model is not behind it either).
 */
public record VerificationReport(boolean ok, long projectsChecked, long eventsChecked, List<ChainProblem> problems,
                                 Completeness completeness) {
}
