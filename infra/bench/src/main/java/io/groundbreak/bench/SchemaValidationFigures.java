package io.groundbreak.bench;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.schema.EventSchemaValidator;
import io.groundbreak.events.schema.SchemaProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code schema.validate}: the contract check of an envelope line ({@link EventSchemaValidator#validateEnvelope}: the
 * envelope's JSON Schema, which selects the body's by type, through networknt's json-schema-validator, then what a
 * schema cannot say — unknown body fields, subject and district agreeing with the body, the hash recomputed) beside
 * what a user of the library would write instead (the same schema, nothing else) and beside parsing the line alone. One thread, in
 * the bench's JVM, on real sealed events.
 */
final class SchemaValidationFigures {

    private static final ObjectMapper JSON = EventCodec.jsonMapper();

    private final List<String> lines;

    SchemaValidationFigures(List<EventEnvelope> envelopes) {
        this.lines = envelopes.stream().map(EventCodec::envelopeToJson).toList();
    }

    List<Figure> measure(int rounds) {
        EventSchemaValidator validator = EventSchemaValidator.v1();
        for (String line : lines) {
            List<SchemaProblem> problems = validator.validateEnvelope(line);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("a sample event breaks the contract: " + problems);
            }
        }
        PlainSchemas plain = new PlainSchemas();
        Map<String, LongSupplier> contenders = new LinkedHashMap<>();
        contenders.put("parse", () -> lines.stream().mapToLong(line -> JSON.readTree(line).size()).sum());
        contenders.put("plain", () -> lines.stream().mapToLong(plain::errors).sum());
        contenders.put("ours", () -> lines.stream().mapToLong(line -> validator.validateEnvelope(line).size()).sum());
        Map<String, AlternatingRounds.Rates> rates = AlternatingRounds.time(rounds, lines.size(), contenders);

        Map<String, Object> common = new LinkedHashMap<>();
        common.put("events", lines.size());
        common.put("rounds", rounds);
        common.put("averageLineBytes", lines.stream().mapToInt(String::length).average().orElse(0));
        Map<String, Object> parseDetails = new LinkedHashMap<>(common);
        parseDetails.putAll(rates.get("parse").details("parse"));
        Figure parse = Figure.rawLimit("raw.json.parse", "JSON parse of an event's envelope line (Jackson tree, 1 thread)",
                rates.get("parse").median(), "events/s", parseDetails);
        Map<String, Object> plainDetails = new LinkedHashMap<>(common);
        plainDetails.putAll(rates.get("plain").details("plain"));
        plainDetails.put("how", "networknt json-schema-validator as its documentation shows it: a registry of the "
                + "published schemas by $id, dialect 2020-12, formats asserted; the envelope schema (which selects "
                + "the body's schema by type) on the parsed line");
        Figure plainFigure = Figure.rawLimit("raw.schema.networknt", "JSON Schema check of an envelope line with "
                + "networknt alone (the envelope schema, 1 thread)", rates.get("plain").median(), "events/s",
                plainDetails);
        Map<String, Object> oursDetails = new LinkedHashMap<>(common);
        oursDetails.putAll(rates.get("ours").details("ours"));
        oursDetails.put("againstParse", rates.get("ours").median() / rates.get("parse").median());
        oursDetails.put("note", "the JSON Schema evaluation has been networknt's since the contract's first commit "
                + "(f2a999a): there was no hand-written evaluator to time before it; the ratio is the cost of what "
                + "EventSchemaValidator adds (unknown fields, agreement, hash, field-named problems)");
        Figure ours = Figure.againstRawLimit("schema.validate", "Contract check of an envelope line "
                        + "(EventSchemaValidator.validateEnvelope, hash included, 1 thread)", rates.get("ours").median(),
                "events/s", null, plainFigure, Double.NaN, oursDetails);
        return List.of(parse, plainFigure, ours);
    }

    /** The library as a user would call it, from the schemas this jar publishes. */
    private static final class PlainSchemas {

        private final Schema envelope;

        PlainSchemas() {
            Map<String, String> byId = new LinkedHashMap<>();
            EventSchemaValidator.schemaFiles().forEach(file ->
                    byId.put(EventSchemaValidator.SCHEMA_BASE_URI + file, EventSchemaValidator.bundledSchema(file)));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder ->
                    builder.schemas(byId)
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            envelope = registry.getSchema(SchemaLocation.of(EventSchemaValidator.SCHEMA_BASE_URI
                    + EventSchemaValidator.ENVELOPE_FILE));
        }

        long errors(String line) {
            return envelope.validate(JSON.readTree(line)).size();
        }
    }
}
