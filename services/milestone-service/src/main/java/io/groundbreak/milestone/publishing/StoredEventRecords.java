package io.groundbreak.milestone.publishing;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventTime;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.PlannedDates;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.Stage;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kafka record of a stored event, built from the JSON the event store holds, without turning its payload into
 * objects only to write them again (with the metadata, a quarter of the publisher's CPU did that: the bench's
 * ANALYSIS.md).
 * <p>
 * The record is the one the envelope gives through {@link CloudEventHeaders#of(io.groundbreak.events.EventEnvelope)}
 * and {@link EventCodec#toJsonBytes}, byte for byte (StoredEventRecordsTest, for every sample event): each body field
 * is written as the codec writes its type, in the record's component order, null and unknown fields left out; the
 * time as {@link EventTime} writes it. The hash is checked on exactly the fields and body that are sent, so a stored
 * event that does not match it, or one this reading would get wrong, stops the publisher instead of being sent.
 */
final class StoredEventRecords {

    private static final JsonMapper JSON = EventCodec.jsonMapper();

    /** The body of each event type, by the class name Axon stores as the payload type. */
    private static final Map<String, EventShape> SHAPES = EventCodec.types().values().stream()
            .collect(Collectors.toUnmodifiableMap(Class::getName, EventShape::of));

    private final Serializer serializer;

    /** @param serializer the event store's serializer: what it stored is read as stored, not deserialised */
    StoredEventRecords(Serializer serializer) {
        this.serializer = serializer;
    }

    /** @throws IllegalStateException when the stored event does not match its hash or cannot be read */
    ProducerRecord<byte[], byte[]> toRecord(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        EventShape shape = SHAPES.get(payload.getType().getName());
        if (shape == null) {
            throw new IllegalStateException("stored event " + event.getIdentifier() + " has payload type "
                    + payload.getType().getName() + ", not an event of schema v1");
        }
        // Axon's own metadata: its unit of work reads it for every event anyway (correlation data), parsing it once
        MetaData envelope = event.getMetaData();
        String id = UUID.fromString(EnvelopeMetaData.text(envelope, EnvelopeMetaData.EVENT_ID)).toString();
        ObjectNode data;
        String subject;
        if (shape.readable()) {
            data = shape.canonicalBody(id, payload.getData());
            subject = data.path("projectId").asString(null);
        } else {
            // a type with fields this reading does not know (TargetsSet's cells): rare, so read and written by the codec
            ProjectEvent body = serializer.deserialize(payload);
            data = EventCodec.toTree(body);
            subject = body.projectId().toString();
        }
        if (subject == null) {
            throw new IllegalStateException("stored event " + id + " has no projectId");
        }
        String time = EventTime.normalize(EnvelopeMetaData.text(envelope, EnvelopeMetaData.TIME));
        String recordedBy = EnvelopeMetaData.text(envelope, EnvelopeMetaData.RECORDED_BY);
        String prevHash = EnvelopeMetaData.text(envelope, EnvelopeMetaData.PREV_HASH);
        String hash = EnvelopeMetaData.text(envelope, EnvelopeMetaData.HASH);

        ObjectNode hashed = JSON.createObjectNode();
        hashed.put("id", id);
        hashed.put("type", shape.type());
        hashed.put("subject", subject);
        hashed.put("sequence", event.getSequenceNumber());
        hashed.put("time", time);
        hashed.put("recordedBy", recordedBy);
        hashed.put("prevHash", prevHash);
        hashed.set("data", data);
        if (!HashChain.hashOfJson(hashed).equals(hash)) {
            throw new IllegalStateException("stored event " + id + " does not match its hash");
        }

        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(CloudEventHeaders.TOPIC, utf8(subject),
                JSON.writeValueAsBytes(data));
        // raw UTF-8 bytes, as the CloudEvents Kafka binding expects (not JSON-quoted strings)
        CloudEventHeaders.of(id, shape.type(), EnvelopeMetaData.text(envelope, EnvelopeMetaData.DISTRICT), subject, time,
                        event.getSequenceNumber(), recordedBy, prevHash, hash)
                .forEach((name, value) -> record.headers().add(name, utf8(value)));
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An event type's body fields, in the order the codec writes them, each with the way its type is written. */
    private record EventShape(String type, String[] names, FieldText[] texts, Map<String, Integer> positions) {

        static EventShape of(Class<? extends ProjectEvent> eventClass) {
            RecordComponent[] components = eventClass.getRecordComponents();
            if (Arrays.stream(components).anyMatch(component -> FieldText.of(component.getType()) == null)) {
                return new EventShape(eventClass.getSimpleName(), null, null, Map.of());
            }
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < components.length; i++) {
                positions.put(components[i].getName(), i);
            }
            return new EventShape(eventClass.getSimpleName(),
                    Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new),
                    Arrays.stream(components).map(component -> FieldText.of(component.getType())).toArray(FieldText[]::new),
                    Map.copyOf(positions));
        }

        /** Whether {@link #canonicalBody} can read the type's stored JSON: every field's type is one it knows. */
        boolean readable() {
            return names != null;
        }

        /** The body as the codec writes it: every known field with a value, as text, in component order. */
        ObjectNode canonicalBody(String id, byte[] stored) {
            JsonNode[] values = new JsonNode[names.length];
            try (JsonParser parser = JSON.createParser(stored)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalStateException("not a JSON object");
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    Integer position = positions.get(parser.currentName());
                    if (parser.nextToken() == JsonToken.VALUE_NULL || position == null) {
                        parser.skipChildren();
                    } else {
                        values[position] = texts[position].read(parser);
                    }
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("stored payload of event " + id + " cannot be read: " + e.getMessage(), e);
            }
            ObjectNode body = JSON.createObjectNode();
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null) {
                    body.set(names[i], values[i]);
                }
            }
            return body;
        }
    }

    /**
     * How a body field of one type is read from the stored JSON (Axon's own mapper: an id as an object, an amount as a
     * number) and written as the codec writes it: every event field is written as text, but for the planned dates
     * (schema 1.1), an object of dates.
     */
    private enum FieldText {
        TEXT {
            @Override
            JsonNode read(JsonParser parser) {
                return string(text(parser));
            }
        },
        PROJECT_ID {
            @Override
            JsonNode read(JsonParser parser) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    return string(ProjectId.parse(text(parser)).toString());
                }
                String value = null;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.VALUE_STRING && "value".equals(name)) {
                        value = parser.getString();
                    } else {
                        parser.skipChildren();
                    }
                }
                return string(ProjectId.parse(value).toString());
            }
        },
        AMOUNT {
            @Override
            JsonNode read(JsonParser parser) {
                BigDecimal amount = parser.currentToken().isNumeric() ? parser.getDecimalValue() : new BigDecimal(text(parser));
                return string(amount.toPlainString());
            }
        },
        DATE {
            @Override
            JsonNode read(JsonParser parser) {
                String text = text(parser);
                // the codec's own form (yyyy-MM-dd) is checked as a date and kept as it is: DateTimeFormatter's parse was
                // a twentieth of the publisher's samples; any other form is parsed and written again
                return string(isoDate(text) ? text : LocalDate.parse(text).toString());
            }
        },
        YEAR_MONTH {
            @Override
            JsonNode read(JsonParser parser) {
                return string(YearMonth.parse(text(parser)).toString());
            }
        },
        STAGE {
            @Override
            JsonNode read(JsonParser parser) {
                return string(Stage.valueOf(text(parser)).name());
            }
        },
        PLANNED_DATES {
            /** Each stage's date as DATE reads it, in PlannedDates' component order; a stage without one left out. */
            @Override
            JsonNode read(JsonParser parser) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new IllegalStateException("plannedDates is not an object");
                }
                Map<String, JsonNode> dates = new HashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.VALUE_NULL || !PLANNED_STAGES.contains(name)) {
                        parser.skipChildren();
                    } else {
                        dates.put(name, DATE.read(parser));
                    }
                }
                ObjectNode plans = JSON.createObjectNode();
                PLANNED_STAGES.stream().filter(dates::containsKey).forEach(stage -> plans.set(stage, dates.get(stage)));
                return plans;
            }
        };

        private static final List<String> PLANNED_STAGES = Arrays.stream(PlannedDates.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        abstract JsonNode read(JsonParser parser);

        private static JsonNode string(String text) {
            return JSON.getNodeFactory().stringNode(text);
        }

        /** How a field of the type is read, or null for a type this reading leaves to the codec. */
        static FieldText of(Class<?> type) {
            if (type == String.class) {
                return TEXT;
            } else if (type == ProjectId.class) {
                return PROJECT_ID;
            } else if (type == BigDecimal.class) {
                return AMOUNT;
            } else if (type == LocalDate.class) {
                return DATE;
            } else if (type == YearMonth.class) {
                return YEAR_MONTH;
            } else if (type == Stage.class) {
                return STAGE;
            } else if (type == PlannedDates.class) {
                return PLANNED_DATES;
            }
            return null;
        }

        /**
         * Whether the text is a date written as {@link LocalDate#toString()} writes a year 0000–9999: four, two and two
         * digits, and a day that exists (LocalDate.of refuses 2024-02-30 as LocalDate.parse does).
         */
        private static boolean isoDate(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                    return false;
                }
            }
            LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            return true;
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                value = value * 10 + text.charAt(i) - '0';
            }
            return value;
        }

        private static String text(JsonParser parser) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new IllegalStateException("expected text, found " + parser.currentToken());
            }
            return parser.getString();
        }
    }
}
