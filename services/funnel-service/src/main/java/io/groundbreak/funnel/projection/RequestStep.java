package io.groundbreak.funnel.projection;

import io.groundbreak.events.ProjectEvent;
import java.time.Instant;

/**
 * A change request's event applied to its project's stream (ChangeRequested, ChangeApproved, ChangeRejected or
 * ChangeWithdrawn), with who and when of its envelope: change_request's rows, and nothing else.
 */
record RequestStep(long sequence, Instant at, String by, ProjectEvent event) {
}
