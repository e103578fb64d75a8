package io.groundbreak.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.ProjectEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The examples in schemas/examples are part of the published contract: each valid one passes every
 * check, and each invalid one breaks exactly the rule its name gives ({@code <field>--<rule>.json}),
 * with every problem naming that field.
 */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("examples");
    private final EventSchemaValidator validator = EventSchemaValidator.v1();

    static Stream<String> types() {
        return EventCodec.types().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("types")
    void theValidExampleOfEachTypeValidatesAndReadsBackToTheSameJson(String type) throws IOException {
        String json = Files.readString(EXAMPLES.resolve("valid").resolve(type + ".json"));

        assertThat(validator.validate(type, json)).isEmpty();
        ProjectEvent event = EventCodec.fromJson(type, json);
        assertThat(event.type()).isEqualTo(type);
        // written back by our codec it is the same JSON, so a hash over it does not change
        assertThat(EventCodec.toTree(event)).isEqualTo(tree(json));
    }

    @Test
    void theValidEnvelopeValidatesAndItsHashIsTheChainsRecipe() throws IOException {
        String json = Files.readString(EXAMPLES.resolve("valid/envelope.json"));

        assertThat(validator.validateEnvelope(json)).isEmpty();
        EventEnvelope envelope = EventCodec.envelopeFromJson(json);
        assertThat(envelope.hashIsIntact()).isTrue();
        assertThat(HashChain.hashOfJson(json)).isEqualTo(envelope.hash());
        assertThat(tree(EventCodec.envelopeToJson(envelope))).isEqualTo(tree(json));
    }

    @Test
    void theReadmesWorkedExampleIsTheValidEnvelopes() throws IOException {
        // README.md shows a district's IT the canonical text and hash of this file: keep it true
        String readme = Files.readString(Path.of("README.md"));
        String json = Files.readString(EXAMPLES.resolve("valid/envelope.json"));

        assertThat(readme).contains("\n" + HashChain.canonicalJson(EventCodec.jsonMapper().readTree(json)) + "\n")
                .contains("`" + HashChain.hashOfJson(json) + "`");
    }

    @Test
    void theValidRecordValidatesAndIsTheValidEnvelopeOnTheWire() throws IOException {
        Record record = record(EXAMPLES.resolve("valid/record.json"));

        assertThat(validator.validateRecord(record.key, record.headers, record.value)).isEmpty();
        EventEnvelope fromRecord = CloudEventHeaders.read(record.headers, record.value);
        EventEnvelope fromLine = EventCodec.envelopeFromJson(Files.readString(EXAMPLES.resolve("valid/envelope.json")));
        assertThat(fromRecord).isEqualTo(fromLine);
        assertThat(CloudEventHeaders.of(fromLine)).isEqualTo(record.headers);
    }

    static Stream<Path> invalidExamples() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES.resolve("invalid"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void eachInvalidExampleFailsNamingItsField(Path file) throws IOException {
        String kind = file.getParent().getFileName().toString();
        String field = file.getFileName().toString().split("--")[0];

        List<SchemaProblem> problems = switch (kind) {
            case "envelope" -> validator.validateEnvelope(Files.readString(file));
            case "record" -> {
                Record record = record(file);
                yield validator.validateRecord(record.key, record.headers, record.value);
            }
            default -> validator.validate(kind, Files.readString(file));
        };

        assertThat(problems).as("problems of %s", file).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.toString()).contains(field));
    }

    @Test
    void everyEventTypeHasInvalidExamples() throws IOException {
        assertThat(types()).allSatisfy(type -> assertThat(EXAMPLES.resolve("invalid").resolve(type)).isDirectory());
        try (Stream<Path> dirs = Files.list(EXAMPLES.resolve("invalid"))) {
            assertThat(dirs.map(d -> d.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(types(), Stream.of("envelope", "record")).toList());
        }
    }

    record Record(String key, Map<String, String> headers, byte[] value) {
    }

    static Record record(Path file) throws IOException {
        JsonNode node = tree(Files.readString(file));
        Map<String, String> headers = new LinkedHashMap<>();
        node.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        return new Record(node.path("key").isString() ? node.get("key").asString() : null, headers,
                EventCodec.jsonMapper().writeValueAsString(node.get("value")).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode tree(String json) {
        return EventCodec.jsonMapper().readTree(json);
    }
}
