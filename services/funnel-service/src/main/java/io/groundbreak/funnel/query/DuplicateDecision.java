package io.groundbreak.funnel.query;

import java.time.Instant;
import java.util.UUID;

/** A pair's latest decision: one investment ({@code same}, with its primary) or two; who decided, when, why. */
public record DuplicateDecision(boolean same, UUID primaryProjectId, String reason, String decidedBy, Instant decidedAt) {
}
