package io.groundbreak.milestone.project.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.groundbreak.milestone.project.command.Recorded;
import java.util.UUID;

/**
 * A write's answer: the event recorded and its sequence (201); for a change above the review bounds also the pending
 * request's id and {@code status: "pending"} (202), the event being its ChangeRequested. One type for both, so that an
 * Idempotency-Key replays either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventRecordedAnswer(UUID requestId, UUID eventId, long sequence, String status) {

    static final String PENDING = "pending";

    static EventRecordedAnswer of(Recorded recorded) {
        return recorded.pending()
                ? new EventRecordedAnswer(recorded.requestId().value(), recorded.eventId(), recorded.sequence(), PENDING)
                : new EventRecordedAnswer(null, recorded.eventId(), recorded.sequence(), null);
    }
}
