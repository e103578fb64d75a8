package io.groundbreak.events.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MalformedEventException;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks JSON against the published v1 contract — the JSON Schemas in {@value #RESOURCE_DIRECTORY}
 * of this jar — plus what a schema cannot say (the key, subject and projectId agree; the hash is
 * right). Each problem names its field. For the services' and system tests and for any consumer
 * that wants to check what it reads; instances are immutable and thread-safe.
 *
 * <p>By default a body field that the v1 schema does not declare is a problem too: our writers must
 * write exactly the contract. Readers of newer events call {@link #allowingUnknownProperties()},
 * because the published schemas are open (an added optional field is a compatible change).
 */
public final class EventSchemaValidator {

    /** The base of every v1 schema's {@code $id}; an identifier, never fetched. */
    public static final String SCHEMA_BASE_URI = "https://groundbreak.io/schemas/v1/";
    /** Where the v1 schemas are inside the jar. */
    public static final String RESOURCE_DIRECTORY = "schemas/v1/";
    public static final String ENVELOPE_FILE = "envelope.schema.json";
    public static final String HEADERS_FILE = "headers.schema.json";
    public static final String COMMON_FILE = "common.schema.json";

    private static final ObjectReader READER = EventCodec.jsonMapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static volatile EventSchemaValidator bundled;

    private final Map<String, Schema> bodySchemas;
    private final Map<String, Set<String>> declaredProperties;
    private final Schema envelopeSchema;
    private final Schema headersSchema;
    private final Map<String, JsonNode> schemaTrees;
    private final boolean strict;

    private EventSchemaValidator(Map<String, Schema> bodySchemas, Map<String, Set<String>> declaredProperties,
                                 Schema envelopeSchema, Schema headersSchema, Map<String, JsonNode> schemaTrees,
                                 boolean strict) {
        this.bodySchemas = bodySchemas;
        this.schemaTrees = schemaTrees;
        this.declaredProperties = declaredProperties;
        this.envelopeSchema = envelopeSchema;
        this.headersSchema = headersSchema;
        this.strict = strict;
    }

    /** The schemas exactly as published in this jar (the bundled reference data's codes). */
    public static EventSchemaValidator v1() {
        EventSchemaValidator validator = bundled;
        if (validator == null) {
            validator = load(bundledSchemaTexts());
            bundled = validator;
        }
        return validator;
    }

    /** The v1 schemas with another data set's district, chain and stage codes. */
    public static EventSchemaValidator forReferenceData(ReferenceData data) {
        Map<String, String> texts = bundledSchemaTexts();
        texts.put(ReferenceSchema.FILE, ReferenceSchema.generateJson(data));
        return load(texts);
    }

    /** The same checks, except that body fields the schema does not declare are accepted. */
    public EventSchemaValidator allowingUnknownProperties() {
        return new EventSchemaValidator(bodySchemas, declaredProperties, envelopeSchema, headersSchema, schemaTrees,
                false);
    }

    /** Every v1 schema file in {@value #RESOURCE_DIRECTORY}: one per event type, then the shared ones. */
    public static List<String> schemaFiles() {
        return Stream.concat(
                        EventCodec.types().keySet().stream().sorted().map(EventSchemaValidator::fileOf),
                        Stream.of(ENVELOPE_FILE, HEADERS_FILE, COMMON_FILE, ReferenceSchema.FILE))
                .toList();
    }

    /** The schema file of an event type, e.g. {@code MilestoneRecorded.schema.json}. */
    public static String fileOf(String type) {
        return type + ".schema.json";
    }

    /** The text of a bundled schema file. */
    public static String bundledSchema(String file) {
        String name = RESOURCE_DIRECTORY + file;
        try (InputStream in = EventSchemaValidator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body (CloudEvents data) of the given type. */
    public List<SchemaProblem> validate(String type, String bodyJson) {
        return validate(type, bodyJson.getBytes(StandardCharsets.UTF_8));
    }

    public List<SchemaProblem> validate(String type, byte[] body) {
        List<SchemaProblem> problems = new ArrayList<>();
        JsonNode tree = parse(body, "", problems);
        if (tree != null) {
            checkBody(type, tree, "", problems);
        }
        return problems;
    }

    /** An event as our codec writes it. */
    public List<SchemaProblem> validate(ProjectEvent event) {
        return validate(event.type(), EventCodec.toJsonBytes(event));
    }

    /**
     * An envelope as one JSON object with the body under {@code data} — a line of the audit export:
     * the envelope schema, the body's schema, subject = data.projectId, district = data.district,
     * and the hash recomputed from the line.
     */
    public List<SchemaProblem> validateEnvelope(String envelopeJson) {
        List<SchemaProblem> problems = new ArrayList<>();
        JsonNode tree = parse(envelopeJson.getBytes(StandardCharsets.UTF_8), "", problems);
        if (tree == null) {
            return problems;
        }
        problems.addAll(problems(envelopeSchema.validate(tree), ""));
        JsonNode data = tree.path("data");
        String type = tree.path("type").asString("");
        if (strict && data.isObject() && declaredProperties.containsKey(type)) {
            unknownProperties(type, data, "data.", problems);
        }
        agree(problems, "subject", tree.get("subject"), "data.projectId", data.get("projectId"));
        agree(problems, "subject", tree.get("subject"), "data.planId", data.get("planId"));
        agree(problems, "district", tree.get("district"), "data.district", data.get("district"));
        checkHash(tree, tree.get("hash"), "hash", problems);
        return problems;
    }

    /** An envelope as our codec writes it. */
    public List<SchemaProblem> validateEnvelope(EventEnvelope envelope) {
        return validateEnvelope(EventCodec.envelopeToJson(envelope));
    }

    /**
     * A Kafka record of the topic as a consumer sees it: the key, the CloudEvents headers (values
     * decoded as UTF-8) and the value (the body). Besides each schema: key = ce_subject =
     * data.projectId, ce_source names data.district for a registration, and ce_hash is the hash of
     * the envelope that the headers and body make.
     */
    public List<SchemaProblem> validateRecord(String key, Map<String, String> headers, byte[] value) {
        List<SchemaProblem> problems = new ArrayList<>();
        ObjectNode headerNode = EventCodec.jsonMapper().createObjectNode();
        headers.forEach(headerNode::put);
        problems.addAll(problems(headersSchema.validate(headerNode), ""));
        String subject = headers.get(CloudEventHeaders.SUBJECT);
        if (key == null) {
            problems.add(new SchemaProblem("key", "is missing; it must be the project id"));
        } else if (subject != null && !key.equals(subject)) {
            problems.add(new SchemaProblem("key", "is " + key + " but ce_subject is " + subject));
        }
        JsonNode body = value == null ? null : parse(value, "data", problems);
        if (value == null) {
            problems.add(new SchemaProblem("data", "the record has no value"));
        }
        if (body == null) {
            return problems;
        }
        String type = headers.get(CloudEventHeaders.TYPE);
        if (type != null && bodySchemas.containsKey(type)) {
            checkBody(type, body, "data.", problems);
        }
        agree(problems, CloudEventHeaders.SUBJECT, textNode(subject), "data.projectId", body.get("projectId"));
        agree(problems, CloudEventHeaders.SUBJECT, textNode(subject), "data.planId", body.get("planId"));
        String source = headers.get(CloudEventHeaders.SOURCE);
        String district = source != null && source.startsWith("/districts/") ? source.substring("/districts/".length()) : null;
        agree(problems, CloudEventHeaders.SOURCE, textNode(district), "data.district", body.get("district"));
        ObjectNode envelope = EventCodec.jsonMapper().createObjectNode();
        envelope.put("id", headers.get(CloudEventHeaders.ID));
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", headers.get(CloudEventHeaders.TIME));
        envelope.put("recordedBy", headers.get(CloudEventHeaders.RECORDED_BY));
        envelope.put("prevHash", headers.get(CloudEventHeaders.PREV_HASH));
        envelope.set("data", body);
        try {
            envelope.put("sequence", Long.parseLong(headers.get(CloudEventHeaders.SEQUENCE)));
        } catch (NumberFormatException e) {
            return problems; // the headers schema has said so already
        }
        String hash = headers.get(CloudEventHeaders.HASH);
        checkHash(envelope, textNode(hash), CloudEventHeaders.HASH, problems);
        return problems;
    }

    private void checkBody(String type, JsonNode body, String prefix, List<SchemaProblem> problems) {
        Schema schema = bodySchemas.get(type);
        if (schema == null) {
            problems.add(new SchemaProblem("type", "'" + type + "' is not an event type of schema v1"));
            return;
        }
        problems.addAll(problems(schema.validate(body), prefix));
        if (strict && body.isObject()) {
            unknownProperties(type, body, prefix, problems);
        }
    }

    private void unknownProperties(String type, JsonNode body, String prefix, List<SchemaProblem> problems) {
        Set<String> declared = declaredProperties.get(type);
        for (String name : body.propertyNames()) {
            if (!declared.contains(name)) {
                problems.add(new SchemaProblem(prefix + name, "is not a field of " + type + " in schema v1"));
            }
        }
    }

    /** Two fields that must carry the same value; silent when either is absent (schemas say so). */
    private static void agree(List<SchemaProblem> problems, String field, JsonNode value,
                              String otherField, JsonNode other) {
        if (value != null && other != null && value.isString() && other.isString() && !value.equals(other)) {
            problems.add(new SchemaProblem(field, "is " + value.asString() + " but " + otherField + " is "
                    + other.asString()));
        }
    }

    private static void checkHash(JsonNode envelope, JsonNode hash, String field, List<SchemaProblem> problems) {
        if (hash == null || !hash.isString()) {
            return;
        }
        for (String hashed : HashChain.HASHED_FIELDS) {
            if (envelope.get(hashed) == null || envelope.get(hashed).isNull()) {
                return; // the schema reports the missing field; there is no hash to compare
            }
        }
        try {
            String expected = HashChain.hashOfJson(envelope);
            if (!expected.equals(hash.asString())) {
                problems.add(new SchemaProblem(field, "is " + hash.asString()
                        + " but the hash chain's recipe gives " + expected));
            }
        } catch (MalformedEventException e) {
            problems.add(new SchemaProblem(field, "cannot be recomputed: " + e.getMessage()));
        }
    }

    private static JsonNode parse(byte[] json, String field, List<SchemaProblem> problems) {
        try {
            JsonNode tree = READER.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                problems.add(new SchemaProblem(field, "is empty; expected a JSON object"));
                return null;
            }
            return tree;
        } catch (JacksonException e) {
            problems.add(new SchemaProblem(field, "is not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

    private static JsonNode textNode(String text) {
        return text == null ? null : EventCodec.jsonMapper().getNodeFactory().stringNode(text);
    }

    private List<SchemaProblem> problems(List<Error> errors, String prefix) {
        Map<String, SchemaProblem> problems = new LinkedHashMap<>();
        // The branches of one anyOf fail together; they make one problem, not one per branch.
        Map<String, List<Error>> alternatives = new LinkedHashMap<>();
        for (Error error : errors) {
            String anyOf = anyOfLocation(error);
            if (anyOf != null) {
                alternatives.computeIfAbsent(anyOf, k -> new ArrayList<>()).add(error);
            } else {
                SchemaProblem problem = problem(error, prefix);
                problems.putIfAbsent(problem.toString(), problem);
            }
        }
        for (List<Error> branches : alternatives.values()) {
            String field = problem(branches.get(0), prefix).field();
            String message;
            if (branches.stream().allMatch(e -> "required".equals(e.getKeyword()))) {
                field = field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
                message = "needs at least one of " + String.join(", ", branches.stream().map(Error::getProperty).toList());
            } else {
                message = "must match one of: " + String.join(" or ", branches.stream().map(e -> problem(e, prefix).toString()).toList());
            }
            SchemaProblem problem = new SchemaProblem(field, message);
            problems.putIfAbsent(problem.toString(), problem);
        }
        return new ArrayList<>(problems.values());
    }

    /** The evaluation path up to an enclosing anyOf, or null when the error is not inside one. */
    private static String anyOfLocation(Error error) {
        NodePath path = error.getEvaluationPath();
        for (int i = path.getNameCount() - 1; i >= 0; i--) {
            if ("anyOf".equals(path.getElement(i))) {
                StringBuilder location = new StringBuilder();
                for (int j = 0; j <= i; j++) {
                    location.append('/').append(path.getElement(j));
                }
                return location + "@" + error.getInstanceLocation();
            }
        }
        return null;
    }

    private SchemaProblem problem(Error error, String prefix) {
        List<String> path = new ArrayList<>();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path.add(element instanceof Integer index ? "[" + index + "]" : String.valueOf(element));
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            path.add(error.getProperty());
        }
        String field = String.join(".", path).replace(".[", "[");
        if (!prefix.isEmpty()) {
            field = field.isEmpty() ? prefix.substring(0, prefix.length() - 1) : prefix + field;
        }
        return new SchemaProblem(field, error.getMessage() + hint(error));
    }

    /**
     * For a rule whose message alone reads poorly (a regular expression, {@code not}), the
     * description of the schema that holds it: "expected: an amount in CNY yuan as a decimal string…".
     */
    private String hint(Error error) {
        if (!Set.of("pattern", "format", "not", "minLength").contains(error.getKeyword())
                || error.getSchemaLocation() == null) {
            return "";
        }
        JsonNode node = schemaTrees.get(error.getSchemaLocation().getAbsoluteIri().toString());
        NodePath fragment = error.getSchemaLocation().getFragment();
        for (int i = 0; node != null && i < fragment.getNameCount() - 1; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get(String.valueOf(element));
        }
        JsonNode description = node == null ? null : node.get("description");
        return description != null && description.isString() ? " (expected: " + description.asString() + ")" : "";
    }

    private static Map<String, String> bundledSchemaTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : schemaFiles()) {
            texts.put(file, bundledSchema(file));
        }
        return texts;
    }

    private static EventSchemaValidator load(Map<String, String> texts) {
        Map<String, String> byId = new LinkedHashMap<>();
        texts.forEach((file, text) -> byId.put(SCHEMA_BASE_URI + file, text));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(byId)
                // formats are assertions here (uuid, date, date-time), not mere annotations
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Map<String, Schema> bodySchemas = new LinkedHashMap<>();
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        for (String type : EventCodec.types().keySet()) {
            Schema schema = schema(registry, fileOf(type));
            bodySchemas.put(type, schema);
            Set<String> names = new LinkedHashSet<>(schema.getSchemaNode().path("properties").propertyNames());
            declared.put(type, Set.copyOf(names));
        }
        Map<String, JsonNode> trees = new LinkedHashMap<>();
        byId.forEach((id, text) -> trees.put(id, EventCodec.jsonMapper().readTree(text)));
        return new EventSchemaValidator(Map.copyOf(bodySchemas), Map.copyOf(declared),
                schema(registry, ENVELOPE_FILE), schema(registry, HEADERS_FILE), Map.copyOf(trees), true);
    }

    private static Schema schema(SchemaRegistry registry, String file) {
        Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_BASE_URI + file));
        schema.initializeValidators(); // resolve every $ref now: a broken schema fails at start, not mid-stream
        return schema;
    }
}
