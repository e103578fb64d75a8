package io.groundbreak.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.reference.ReferenceData;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The schemas, the Java types and the reference data describe the same contract. */
class SchemaContractTest {

    static Stream<String> types() {
        return EventCodec.types().keySet().stream().sorted();
    }

    @Test
    void theCheckedInReferenceSchemaIsGeneratedFromTheBundledDataFiles() {
        JsonNode checkedIn = tree(EventSchemaValidator.bundledSchema(ReferenceSchema.FILE));

        assertThat(checkedIn).isEqualTo(ReferenceSchema.generate(ReferenceData.loadDefault()));
        assertThat(checkedIn.at("/$defs/stage/enum")).extracting(JsonNode::asString)
                .containsExactlyElementsOf(Arrays.stream(Stage.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @MethodSource("types")
    void eachSchemaDeclaresExactlyTheFieldsOfItsJavaRecord(String type) {
        JsonNode schema = tree(EventSchemaValidator.bundledSchema(EventSchemaValidator.fileOf(type)));
        List<String> components = Arrays.stream(EventCodec.types().get(type).getRecordComponents())
                .map(RecordComponent::getName).toList();
        List<String> declared = new ArrayList<>(schema.get("properties").propertyNames());
        if (type.equals("ProjectDetailsAmended")) {
            // declared only to forbid it: a project's district cannot be amended
            assertThat(schema.at("/properties/district/not").isObject()).isTrue();
            declared.remove("district");
        }

        assertThat(declared).containsExactlyInAnyOrderElementsOf(components);
        // every stream names its subject in the body: a project's id, a year's plan id (TargetsSet, schema 1.2) or a
        // pair's id (DuplicateDecided, schema 1.3)
        assertThat(schema.get("required")).extracting(JsonNode::asString).isSubsetOf(components)
                .contains(switch (type) {
                    case "TargetsSet" -> "planId";
                    case "DuplicateDecided" -> "pairId";
                    default -> "projectId";
                });
        assertThat(schema.get("$id").asString()).isEqualTo(EventSchemaValidator.SCHEMA_BASE_URI + type + ".schema.json");
        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void plannedDatesDeclaresExactlyTheStagesOfItsJavaRecord() {
        JsonNode common = tree(EventSchemaValidator.bundledSchema(EventSchemaValidator.COMMON_FILE));

        assertThat(common.at("/$defs/plannedDates/properties").propertyNames()).containsExactlyElementsOf(
                Arrays.stream(io.groundbreak.events.PlannedDates.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void theEventTypeEnumAndTheEnvelopeBranchesListEveryJavaType() {
        JsonNode common = tree(EventSchemaValidator.bundledSchema(EventSchemaValidator.COMMON_FILE));
        JsonNode envelope = tree(EventSchemaValidator.bundledSchema(EventSchemaValidator.ENVELOPE_FILE));
        List<String> branches = new ArrayList<>();
        envelope.get("allOf").forEach(branch -> {
            JsonNode type = branch.at("/if/properties/type/const");
            if (type.isString()) {
                branches.add(type.asString());
                assertThat(branch.at("/then/properties/data/$ref").asString()).isEqualTo(type.asString() + ".schema.json");
            }
        });

        assertThat(common.at("/$defs/eventType/enum")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(EventCodec.types().keySet());
        assertThat(branches).containsExactlyInAnyOrderElementsOf(EventCodec.types().keySet());
    }

    @Test
    void theHeadersSchemaRequiresEveryCloudEventsHeaderThatWeWrite() {
        JsonNode headers = tree(EventSchemaValidator.bundledSchema(EventSchemaValidator.HEADERS_FILE));
        Map<String, String> written = CloudEventHeaders.of(envelope(registration("120116")));

        assertThat(headers.get("required")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(headers.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(written.keySet());
    }

    @Test
    void everyBundledSchemaFileIsListedAndEveryListedOneIsThere() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/" + EventSchemaValidator.RESOURCE_DIRECTORY).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(EventSchemaValidator.schemaFiles());
        }
    }

    @Test
    void anotherCitysValidatorTakesItsOwnCodesAndRefusesTheDefaults() throws URISyntaxException {
        ReferenceData chengdu = ReferenceData.load(Path.of(getClass().getResource("/reference/chengdu").toURI()));
        EventSchemaValidator validator = EventSchemaValidator.forReferenceData(chengdu);
        ProjectEvent local = new ProjectRegistered(PROJECT, "CD-1", "项目", "510107", "electronic-information", "投资方",
                new BigDecimal("1.00"), null);

        assertThat(validator.validate(local)).isEmpty();
        assertThat(validator.validateEnvelope(EventCodec.envelopeToJson(envelope(local)))).isEmpty();
        assertThat(validator.validate(registration("120116"))).extracting(SchemaProblem::field)
                .containsExactlyInAnyOrder("district", "chain");
        assertThat(EventSchemaValidator.v1().validate(local)).extracting(SchemaProblem::field)
                .containsExactlyInAnyOrder("district", "chain");
    }

    @Test
    void aNewerWritersExtraFieldIsAProblemForOurWritersButNotForATolerantReader() {
        String newer = EventCodec.toJson(new MilestoneRecorded(PROJECT, Stage.SIGNED, LocalDate.of(2024, 5, 7), null, null))
                .replace("}", ",\"contractNo\":\"HT-1\"}");

        assertThat(EventSchemaValidator.v1().validate("MilestoneRecorded", newer))
                .containsExactly(new SchemaProblem("contractNo", "is not a field of MilestoneRecorded in schema v1"));
        assertThat(EventSchemaValidator.v1().allowingUnknownProperties().validate("MilestoneRecorded", newer)).isEmpty();
    }

    @Test
    void aRecordAsOurCodecWritesItIsValid() {
        var envelope = envelope(registration("120116"));
        Map<String, String> headers = CloudEventHeaders.of(envelope);

        assertThat(EventSchemaValidator.v1().validateRecord(envelope.subject().toString(), headers,
                EventCodec.toJsonBytes(envelope.data()))).isEmpty();
        assertThat(EventSchemaValidator.v1().validateRecord(null, headers, EventCodec.toJsonBytes(envelope.data())))
                .extracting(SchemaProblem::field).containsExactly("key");
        assertThat(EventSchemaValidator.v1().validateRecord(envelope.subject().toString(), headers, "{".getBytes()))
                .extracting(SchemaProblem::field).containsExactly("data");
    }

    @Test
    void notJsonAndUnknownTypesAreProblemsNotExceptions() {
        EventSchemaValidator validator = EventSchemaValidator.v1();

        assertThat(validator.validate("MilestoneRecorded", "{\"a\":1,\"a\":2}")).hasSize(1)
                .first().extracting(SchemaProblem::message).asString().contains("Duplicate");
        assertThat(validator.validate("MilestoneRecorded", "{} {}")).hasSize(1);
        assertThat(validator.validate("MilestoneRecorded", "")).hasSize(1);
        assertThat(validator.validate("MilestoneReached", "{}")).containsExactly(
                new SchemaProblem("type", "'MilestoneReached' is not an event type of schema v1"));
        assertThat(validator.validateEnvelope("[]")).isNotEmpty();
    }

    private static final ProjectId PROJECT = ProjectId.parse("0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90");

    private static ProjectRegistered registration(String district) {
        return new ProjectRegistered(PROJECT, "BH-1", "项目", district, "aerospace", "投资方", new BigDecimal("10"), "园区");
    }

    private static io.groundbreak.events.EventEnvelope envelope(ProjectEvent registration) {
        String district = registration instanceof ProjectRegistered r ? r.district() : "120116";
        return HashChain.seal(UUID.nameUUIDFromBytes(new byte[] {3}), 0, Instant.parse("2024-05-07T08:30:00.123Z"),
                "d" + district, HashChain.GENESIS_PREV_HASH, district, registration);
    }

    private static JsonNode tree(String json) {
        return EventCodec.jsonMapper().readTree(json);
    }
}
