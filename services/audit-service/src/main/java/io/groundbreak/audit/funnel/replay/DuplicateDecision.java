package io.groundbreak.audit.funnel.replay;

import io.groundbreak.events.DuplicateDecided;
import io.groundbreak.events.EventEnvelope;
import java.time.Instant;
import java.util.UUID;

/** One decision on a pair's stream, with what a restatement names of it: its event, sequence, time and author. */
public record DuplicateDecision(UUID eventId, long sequence, Instant recordedAt, String recordedBy,
                                DuplicateDecided decided) {

    /** @param event an event whose body is a {@link DuplicateDecided} */
    public static DuplicateDecision of(EventEnvelope event) {
        return new DuplicateDecision(event.id(), event.sequence(), event.time(), event.recordedBy(),
                (DuplicateDecided) event.data());
    }
}
