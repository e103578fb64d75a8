package io.groundbreak.funnel.deadletter;

import java.time.Instant;
import java.util.UUID;

/** One recorded operation on the dead letters: who did what, when, why, and what came of it. */
public record DeadLetterOperation(long id, Long deadLetterId, UUID projectId, String action, String by, Instant at,
                                  String reason, String outcome) {
}
