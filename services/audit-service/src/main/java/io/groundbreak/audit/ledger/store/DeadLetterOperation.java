package io.groundbreak.audit.ledger.store;

import java.time.Instant;
import java.util.UUID;

/** One operation on dead letters: what ({@code reprocess} or {@code discard}), on what, by whom, when, why, outcome. */
public record DeadLetterOperation(long id, Long deadLetterId, UUID projectId, String action, String by, Instant at,
                                  String reason, String outcome) {
}
