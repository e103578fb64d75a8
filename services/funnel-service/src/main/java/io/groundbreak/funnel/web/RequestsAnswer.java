package io.groundbreak.funnel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.groundbreak.funnel.query.ChangeRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** GET /api/requests: the change requests of a status, newest first. */
record RequestsAnswer(List<Request> requests) {

    /**
     * {@code change} is the requested event's body as recorded (JSON); {@code closedBy}, {@code closedAt} and
     * {@code closeReason} are left out while pending (and {@code closeReason} when none was given).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(UUID requestId, UUID projectId, String code, String name, Label district, String action,
                   @JsonRawValue String change, String requestedBy, Instant requestedAt, String status, String closedBy,
                   Instant closedAt, String closeReason) {

        static Request of(ChangeRequest request, Labels labels) {
            return new Request(request.requestId(), request.projectId(), request.code(), request.name(),
                    labels.district(request.district()), request.action(), request.change(), request.requestedBy(),
                    request.requestedAt(), request.status().name().toLowerCase(Locale.ROOT), request.closedBy(),
                    request.closedAt(), request.closeReason());
        }
    }
}
