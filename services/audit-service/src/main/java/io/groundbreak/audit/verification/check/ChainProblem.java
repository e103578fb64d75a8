package io.groundbreak.audit.verification.check;

import java.util.UUID;

/** Something wrong with one project's event at one sequence. */
public record ChainProblem(UUID projectId, long sequence, String problem) {
}
