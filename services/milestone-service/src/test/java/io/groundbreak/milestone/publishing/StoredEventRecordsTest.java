package io.groundbreak.milestone.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.schema.EventSchemaValidator;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record built from the stored JSON is the one the envelope gives through objects (CloudEventHeaders.of and
 * EventCodec.toJsonBytes, what the publisher sent before), byte for byte, for every sample event of schemas/examples:
 * as published, with every optional field left out (stored as null), and with awkward text and amounts.
 */
class StoredEventRecordsTest {

    /** Axon's jackson3 serializer as its Spring Boot auto-configuration builds it (milestone-service adds nothing). */
    private static final Serializer STORE = Jackson3Serializer.builder().build();
    private static final Path EXAMPLES = Path.of("../../schemas/examples/valid");
    private static final String AWKWARD_TEXT = "滨海新区 \"一期\" \\ 🏭\tline\nend\u0001 € \u2028";

    private final StoredEventRecords records = new StoredEventRecords(STORE);

    private static final EventSchemaValidator SCHEMAS = EventSchemaValidator.v1();

    static Stream<ProjectEvent> sampleEvents() {
        List<ProjectEvent> events = new ArrayList<>();
        for (var type : EventCodec.types().entrySet()) {
            ObjectNode example = (ObjectNode) read(EXAMPLES.resolve(type.getKey() + ".json"));
            ObjectNode onlyRequired = example.deepCopy();
            onlyRequired.retain(required(type.getKey()));
            ObjectNode awkward = example.deepCopy();
            for (var component : type.getValue().getRecordComponents()) {
                if (component.getType() == String.class && example.has(component.getName())) {
                    awkward.put(component.getName(), AWKWARD_TEXT);
                } else if (component.getType() == BigDecimal.class) {
                    awkward.put(component.getName(), "99999999999999999999.99");
                }
            }
            for (ObjectNode body : List.of(example, onlyRequired, awkward)) {
                byte[] json = EventCodec.jsonMapper().writeValueAsBytes(body);
                // a ChangeRequested's one change is required by anyOf, not by its required list
                if (SCHEMAS.validate(type.getKey(), new String(json, StandardCharsets.UTF_8)).isEmpty()) {
                    events.add(EventCodec.fromJson(type.getKey(), json));
                }
            }
        }
        return events.stream();
    }

    @ParameterizedTest
    @MethodSource("sampleEvents")
    void theRecordFromTheStoredJsonIsTheRecordOfTheEnvelopeByteForByte(ProjectEvent event) {
        EventEnvelope envelope = sealed(event);

        ProducerRecord<byte[], byte[]> record = records.toRecord(stored(envelope, envelope));

        ProducerRecord<byte[], byte[]> expected = new ProducerRecord<>(CloudEventHeaders.TOPIC,
                utf8(envelope.subject().toString()), EventCodec.toJsonBytes(event));
        CloudEventHeaders.of(envelope).forEach((name, value) -> expected.headers().add(name, utf8(value)));
        assertThat(record.topic()).isEqualTo(expected.topic());
        assertThat(record.key()).isEqualTo(expected.key());
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo(new String(expected.value(), StandardCharsets.UTF_8));
        assertThat(record.value()).isEqualTo(expected.value());
        assertThat(record.headers().toArray()).containsExactly(expected.headers().toArray());
    }

    @Test
    void aStoredEventThatDoesNotMatchItsHashIsRefused() {
        ProjectEvent first = sampleEvents().findFirst().orElseThrow();
        EventEnvelope genuine = sealed(first);
        EventEnvelope altered = sealed(sampleEvents().filter(event -> event.getClass() == first.getClass()
                && !EventCodec.toJson(event).equals(EventCodec.toJson(first))).findFirst().orElseThrow());

        assertThatThrownBy(() -> records.toRecord(stored(altered, genuine)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not match its hash");
    }

    private static EventEnvelope sealed(ProjectEvent event) {
        return HashChain.seal(UUID.fromString("a3d5e7f9-2b4c-4d6e-8f0a-1b3c5d7e9f01"), 3,
                Instant.parse("2024-05-07T08:30:00.123456Z"), "d120116", "ab".repeat(32), "120116", event);
    }

    /** The event as the JPA storage engine stores it and reads it back: body of one envelope, metadata of another. */
    private static DomainEventMessage<?> stored(EventEnvelope body, EventEnvelope metaData) {
        DomainEventEntry entry = new DomainEventEntry(new GenericDomainEventMessage<>("Project",
                body.subject().toString(), body.sequence(), body.data(), EnvelopeMetaData.of(metaData)), STORE);
        return (DomainEventMessage<?>) EventUtils.upcastAndDeserializeTrackedEvents(
                        Stream.of(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(7), entry)),
                        STORE, NoOpEventUpcaster.INSTANCE)
                .findFirst().orElseThrow();
    }

    private static Set<String> required(String type) {
        String schema = "schemas/v1/" + type + ".schema.json";
        try (InputStream in = StoredEventRecordsTest.class.getClassLoader().getResourceAsStream(schema)) {
            Set<String> names = new HashSet<>();
            EventCodec.jsonMapper().readTree(in).path("required").forEach(name -> names.add(name.asString()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return EventCodec.jsonMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
