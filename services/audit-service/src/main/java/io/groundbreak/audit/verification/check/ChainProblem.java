package io.groundbreak.audit.verification.check;

import java.util.UUID;

/**
 * Something wrong with one project's event at one sequence ({@code projectId} and {@code sequence} null for a
 * parked record whose headers name neither).
 */
public record ChainProblem(UUID projectId, Long sequence, String problem) {
}
