package io.groundbreak.audit.verification.check;

import java.util.List;

/** {@code ok} only when every stored hash and link is right and nothing is parked. */
public record VerificationReport(boolean ok, long projectsChecked, long eventsChecked, List<ChainProblem> problems) {
}
