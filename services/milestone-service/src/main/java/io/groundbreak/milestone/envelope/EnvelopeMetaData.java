package io.groundbreak.milestone.envelope;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.EventTime;
import io.groundbreak.events.ProjectEvent;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * How the envelope of docs/events.md rides in Axon's event metadata: the aggregate seals each event with
 * its hash when it applies it; the publisher reads the same fields back. The sequence is Axon's own.
 */
public final class EnvelopeMetaData {

    public static final String EVENT_ID = "eventId";
    public static final String TIME = "time";
    public static final String RECORDED_BY = "recordedBy";
    public static final String PREV_HASH = "prevHash";
    public static final String HASH = "hash";
    public static final String DISTRICT = "district";

    private EnvelopeMetaData() {
    }

    public static MetaData of(EventEnvelope envelope) {
        return MetaData.from(Map.of(
                EVENT_ID, envelope.id().toString(),
                TIME, EventTime.format(envelope.time()),
                RECORDED_BY, envelope.recordedBy(),
                PREV_HASH, envelope.prevHash(),
                HASH, envelope.hash(),
                DISTRICT, envelope.district()));
    }

    public static EventEnvelope envelope(ProjectEvent event, long sequence, MetaData metaData) {
        return new EventEnvelope(
                UUID.fromString(text(metaData, EVENT_ID)),
                event.type(),
                event.projectId(),
                sequence,
                EventTime.parse(text(metaData, TIME)),
                text(metaData, RECORDED_BY),
                text(metaData, PREV_HASH),
                text(metaData, HASH),
                text(metaData, DISTRICT),
                event);
    }

    public static String hash(MetaData metaData) {
        return text(metaData, HASH);
    }

    /** An envelope field of the metadata, as text. */
    public static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        if (value == null) {
            throw new IllegalStateException("event metadata lacks envelope field " + key);
        }
        return value.toString();
    }
}
