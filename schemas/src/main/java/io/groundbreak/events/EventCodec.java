package io.groundbreak.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical JSON codec every service uses for event bodies and envelopes: amounts as decimal
 * strings, dates as ISO strings, ids as strings, absent optional fields left out.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(module())
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Class<? extends ProjectEvent>> TYPES =
            Arrays.stream(ProjectEvent.class.getPermittedSubclasses())
                    .map(EventCodec::asEventClass)
                    .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    /** Per type, the accessors of the fields its published schema requires. */
    private static final Map<Class<? extends ProjectEvent>, List<Method>> REQUIRED =
            TYPES.values().stream().collect(Collectors.toUnmodifiableMap(Function.identity(), EventCodec::required));

    private EventCodec() {
    }

    /** The Jackson module with Groundbreak's value types; register it on any mapper that writes them. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("groundbreak-events")
                .addSerializer(BigDecimal.class, new ValueSerializer<>() {
                    @Override
                    public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
                        gen.writeString(value.toPlainString());
                    }
                });
        identifier(module, ProjectId.class, ProjectId::parse, "projectId");
        identifier(module, ChangeRequestId.class, ChangeRequestId::parse, "requestId");
        return module;
    }

    /** An identifier record is written as its UUID's text, and only a UUID's text reads as one. */
    private static <T> void identifier(SimpleModule module, Class<T> type, Function<String, T> parse, String name) {
        module.addSerializer(type, new ValueSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(type, new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                try {
                    return parse.apply(p.getValueAsString());
                } catch (IllegalArgumentException | NullPointerException e) {
                    return ctxt.reportInputMismatch(type, name + " must be a UUID");
                }
            }
        });
    }

    public static JsonMapper jsonMapper() {
        return MAPPER;
    }

    /** The event types of schema v1, by their envelope {@code type}. */
    public static Map<String, Class<? extends ProjectEvent>> types() {
        return TYPES;
    }

    public static ObjectNode toTree(ProjectEvent event) {
        return MAPPER.valueToTree(event);
    }

    public static byte[] toJsonBytes(ProjectEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String toJson(ProjectEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static ProjectEvent fromJson(String type, byte[] json) {
        Class<? extends ProjectEvent> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new MalformedEventException("unknown event type '" + type + "'");
        }
        ProjectEvent event;
        try {
            event = MAPPER.readValue(json, eventClass);
        } catch (JacksonException e) {
            throw new MalformedEventException(
                    "body of " + type + " is not valid: " + e.getOriginalMessage(), e);
        }
        requirePresent(type, event);
        return event;
    }

    /** A consumer must not get an event with a required field missing: it would fail far from here. */
    private static void requirePresent(String type, ProjectEvent event) {
        if (event == null) {
            throw new MalformedEventException("body of " + type + " is null");
        }
        for (Method accessor : REQUIRED.get(event.getClass())) {
            try {
                if (accessor.invoke(event) == null) {
                    throw new MalformedEventException(
                            "body of " + type + " is not valid: '" + accessor.getName() + "' is missing");
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The required fields as the type's published schema lists them: the schema is the one source. */
    private static List<Method> required(Class<? extends ProjectEvent> type) {
        String resource = "schemas/v1/" + type.getSimpleName() + ".schema.json";
        try (InputStream in = EventCodec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + resource + " is missing");
            }
            List<String> names = new ArrayList<>();
            MAPPER.readTree(in).path("required").forEach(name -> names.add(name.asString()));
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (names.remove(component.getName())) {
                    accessors.add(component.getAccessor());
                }
            }
            if (!names.isEmpty()) {
                throw new IllegalStateException(resource + " requires " + names + ", which " + type + " lacks");
            }
            return List.copyOf(accessors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProjectEvent fromJson(String type, String json) {
        return fromJson(type, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The envelope as one JSON object with the body under {@code data}: a line of the JSONL export. */
    public static ObjectNode envelopeToTree(EventEnvelope envelope) {
        ObjectNode node = HashChain.hashedFields(envelope);
        node.put("hash", envelope.hash());
        if (envelope.district() != null) {
            node.put("district", envelope.district());
        }
        return node;
    }

    public static String envelopeToJson(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelopeToTree(envelope));
    }

    public static EventEnvelope envelopeFromJson(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            String type = required(node, "type");
            ProjectEvent data = fromJson(type, MAPPER.writeValueAsBytes(node.required("data")));
            return new EventEnvelope(
                    UUID.fromString(required(node, "id")),
                    type,
                    ProjectId.parse(required(node, "subject")),
                    node.required("sequence").asLong(),
                    EventTime.parse(required(node, "time")),
                    required(node, "recordedBy"),
                    required(node, "prevHash"),
                    required(node, "hash"),
                    node.path("district").isString() ? node.get("district").asString() : null,
                    data);
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new MalformedEventException("envelope field '" + field + "' is missing or not a string");
        }
        return value.asString();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends ProjectEvent> asEventClass(Class<?> type) {
        return (Class<? extends ProjectEvent>) type;
    }
}
