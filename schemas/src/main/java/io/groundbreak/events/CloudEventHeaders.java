package io.groundbreak.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The envelope as CloudEvents 1.0 Kafka binary-mode headers, so that any CloudEvents SDK reads our
 * records; the body travels as JSON in the record value, keyed by the project id.
 */
public final class CloudEventHeaders {

    public static final String TOPIC = "groundbreak.project-events.v1";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SEQUENCE = "ce_sequence";
    public static final String RECORDED_BY = "ce_recordedby";
    public static final String PREV_HASH = "ce_prevhash";
    public static final String HASH = "ce_hash";
    public static final String CONTENT_TYPE = "content-type";
    private static final String SOURCE_PREFIX = "/districts/";
    /** The source of a stream that belongs to no district (schema 1.2: a year's targets). */
    public static final String CITY_SOURCE = "/city";

    private CloudEventHeaders() {
    }

    public static Map<String, String> of(EventEnvelope envelope) {
        return of(envelope.id().toString(), envelope.type(), envelope.district(), envelope.subject().toString(),
                EventTime.format(envelope.time()), envelope.sequence(), envelope.recordedBy(), envelope.prevHash(),
                envelope.hash());
    }

    /**
     * The headers of an envelope given as its written fields ({@code time} as {@link EventTime} writes it): for a
     * publisher that builds the record from the stored text without an {@link EventEnvelope} in between.
     */
    public static Map<String, String> of(String id, String type, String district, String subject, String time,
                                         long sequence, String recordedBy, String prevHash, String hash) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, id);
        headers.put(TYPE, type);
        headers.put(SOURCE, EventEnvelope.CITY.equals(district) ? CITY_SOURCE : SOURCE_PREFIX + district);
        headers.put(SUBJECT, subject);
        headers.put(TIME, time);
        headers.put(SEQUENCE, Long.toString(sequence));
        headers.put(RECORDED_BY, recordedBy);
        headers.put(PREV_HASH, prevHash);
        headers.put(HASH, hash);
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }

    /** Reads a record back; a missing or malformed header is a {@link MalformedEventException}. */
    public static EventEnvelope read(Map<String, String> headers, byte[] body) {
        try {
            String type = required(headers, TYPE);
            String source = required(headers, SOURCE);
            ProjectEvent data = EventCodec.fromJson(type, body);
            ProjectId subject = ProjectId.parse(required(headers, SUBJECT));
            if (!subject.equals(data.projectId())) {
                throw new MalformedEventException("ce_subject " + subject + " is not the body's projectId");
            }
            return new EventEnvelope(
                    UUID.fromString(required(headers, ID)),
                    type,
                    subject,
                    Long.parseLong(required(headers, SEQUENCE)),
                    EventTime.parse(required(headers, TIME)),
                    required(headers, RECORDED_BY),
                    required(headers, PREV_HASH),
                    required(headers, HASH),
                    districtOf(source),
                    data);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException("malformed CloudEvents header: " + e.getMessage(), e);
        }
    }

    private static String districtOf(String source) {
        if (source.equals(CITY_SOURCE)) {
            return EventEnvelope.CITY;
        }
        return source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("header " + name + " is missing");
        }
        return value;
    }
}
