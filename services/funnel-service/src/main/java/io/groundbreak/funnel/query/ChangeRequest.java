package io.groundbreak.funnel.query;

import java.time.Instant;
import java.util.UUID;

/**
 * A change request and its project: {@code change} is the requested event's body as JSON text (canonical, as on the
 * topic); the closing fields null while pending ({@code closeReason} is the approval's note, the rejection's or the
 * withdrawal's reason).
 */
public record ChangeRequest(UUID requestId, UUID projectId, String code, String name, String district, String action,
                            String change, String requestedBy, Instant requestedAt, RequestStatus status, String closedBy,
                            Instant closedAt, String closeReason) {
}
