package io.groundbreak.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.EventCodec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The released v1 schemas are frozen in src/test/resources/released/v1; the current ones must not
 * break a reader of them. The guard itself is proven in both directions, on small synthetic pairs
 * and on edits of the real schema set.
 */
class SchemaCompatibilityTest {

    @Test
    void theCurrentSchemasDoNotBreakReadersOfTheReleasedV1() throws Exception {
        assertThat(SchemaCompatibility.breakingChanges(released(), current())).isEmpty();
    }

    @Test
    void theReleasedCopiesAreFrozen() throws Exception {
        // editing a released copy to make the check above pass is the one thing it cannot see
        Path dir = releasedDir();
        List<String> sums = Files.readAllLines(dir.resolve("SHA256SUMS"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isEqualTo(sums.size());
        }
        for (String line : sums) {
            String[] sumAndFile = line.split("\\s+\\*?");
            byte[] bytes = Files.readAllBytes(dir.resolve(sumAndFile[1]));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as(sumAndFile[1]).isEqualTo(sumAndFile[0]);
        }
    }

    static Stream<Arguments> breakingPairs() {
        String base = """
                {"type":"object","required":["id","amount"],
                 "properties":{"id":{"type":"string","format":"uuid"},
                               "amount":{"type":"string","pattern":"^[0-9]+$","minLength":1,"maxLength":20},
                               "stage":{"enum":["A","B","C"]},
                               "count":{"type":"integer","minimum":0,"maximum":100},
                               "note":{"type":"string"},
                               "inner":{"type":"object","properties":{"x":{"type":"string"}}}}}""";
        return Stream.of(
                Arguments.of("a field removed", base, remove(base, "properties", "note"), "properties.note removed or renamed"),
                Arguments.of("a field renamed", base, rename(base, "note", "remark"), "properties.note removed or renamed"),
                Arguments.of("a nested field removed", base, edit(base, s -> ((ObjectNode) s.at("/properties/inner/properties")).remove("x")),
                        "properties.inner.properties.x removed or renamed"),
                Arguments.of("a new required field", base, edit(base, s -> ((ArrayNode) s.get("required")).add("note")),
                        "properties.note is newly required"),
                Arguments.of("a required field made optional", base, edit(base, s -> ((ArrayNode) s.get("required")).remove(1)),
                        "properties.amount is no longer required"),
                Arguments.of("a narrowed type", base, edit(base, s -> ((ObjectNode) s.at("/properties/count")).put("type", "string")),
                        "properties.count.type changed"),
                Arguments.of("a widened type", base, edit(base, s -> ((ObjectNode) s.at("/properties/note")).putArray("type").add("string").add("null")),
                        "properties.note.type changed"),
                Arguments.of("a format added", base, edit(base, s -> ((ObjectNode) s.at("/properties/note")).put("format", "date")),
                        "properties.note.format changed"),
                Arguments.of("a format changed", base, edit(base, s -> ((ObjectNode) s.at("/properties/id")).put("format", "uri")),
                        "properties.id.format changed"),
                Arguments.of("a pattern narrowed", base, edit(base, s -> ((ObjectNode) s.at("/properties/amount")).put("pattern", "^[1-9][0-9]*$")),
                        "properties.amount.pattern changed"),
                Arguments.of("an enum narrowed", base, edit(base, s -> ((ArrayNode) s.at("/properties/stage/enum")).remove(2)),
                        "properties.stage.enum no longer allows [\"C\"]"),
                Arguments.of("an enum imposed", base, edit(base, s -> ((ObjectNode) s.at("/properties/note")).putArray("enum").add("x")),
                        "properties.note.enum added"),
                Arguments.of("a minimum raised", base, edit(base, s -> ((ObjectNode) s.at("/properties/count")).put("minimum", 1)),
                        "properties.count.minimum raised"),
                Arguments.of("a maxLength lowered", base, edit(base, s -> ((ObjectNode) s.at("/properties/amount")).put("maxLength", 10)),
                        "properties.amount.maxLength lowered"),
                Arguments.of("a maximum imposed", base, edit(base, s -> ((ObjectNode) s.at("/properties/note")).put("maxLength", 10)),
                        "properties.note.maxLength lowered from null to 10"),
                Arguments.of("closed to unknown fields", base, edit(base, s -> ((ObjectNode) s).put("additionalProperties", false)),
                        "additionalProperties added: false"),
                Arguments.of("an anyOf branch removed", "{\"anyOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}",
                        "{\"anyOf\":[{\"required\":[\"a\"]}]}", "anyOf changed"),
                Arguments.of("an anyOf branch narrowed while another is added",
                        "{\"anyOf\":[{\"required\":[\"a\"]}]}",
                        "{\"anyOf\":[{\"required\":[\"a\",\"c\"]},{\"required\":[\"b\"]}]}", "anyOf[0].properties.c is newly required"),
                Arguments.of("a oneOf branch added", "{\"oneOf\":[{\"required\":[\"a\"]}]}",
                        "{\"oneOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}", "oneOf changed"),
                Arguments.of("a const changed", "{\"const\":\"1.0\"}", "{\"const\":\"1.1\"}", "const changed"),
                Arguments.of("a value widened into an anyOf whose first branch is narrower",
                        "{\"const\":\"A\"}", "{\"anyOf\":[{\"const\":\"A\",\"pattern\":\"x\"},{\"const\":\"B\"}]}",
                        "anyOf[0].pattern changed"),
                Arguments.of("an unknown keyword changed", "{\"type\":\"array\",\"uniqueItems\":false}",
                        "{\"type\":\"array\",\"uniqueItems\":true}", "uniqueItems changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingPairs")
    void aChangeThatBreaksAReaderFails(String why, String released, String current, String expected) {
        assertThat(SchemaCompatibility.breakingChanges(one(released), one(current)))
                .anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    static Stream<Arguments> compatiblePairs() {
        String base = """
                {"type":"object","required":["id"],"description":"v1",
                 "properties":{"id":{"type":"string"},"stage":{"enum":["A","B"]},
                               "count":{"type":"integer","minimum":1,"maximum":10}}}""";
        return Stream.of(
                Arguments.of("an optional field added", base,
                        edit(base, s -> ((ObjectNode) s.get("properties")).putObject("park").put("type", "string"))),
                Arguments.of("an enum widened", base, edit(base, s -> ((ArrayNode) s.at("/properties/stage/enum")).add("C"))),
                Arguments.of("bounds relaxed", base, edit(base, s -> ((ObjectNode) s.at("/properties/count")).put("minimum", 0).remove("maximum"))),
                Arguments.of("a value widened into an anyOf whose first branch is the released one",
                        "{\"const\":\"A\",\"description\":\"d\"}",
                        "{\"anyOf\":[{\"const\":\"A\"},{\"const\":\"B\"}],\"description\":\"d\"}"),
                Arguments.of("an anyOf branch added (one more field an amendment may carry alone)",
                        "{\"anyOf\":[{\"required\":[\"a\"]}]}", "{\"anyOf\":[{\"required\":[\"a\"]},{\"required\":[\"b\"]}]}"),
                Arguments.of("descriptions edited", base, edit(base, s -> ((ObjectNode) s).put("description", "v1, explained"))),
                Arguments.of("nothing changed", base, base));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatiblePairs")
    void aChangeThatKeepsEveryReaderPasses(String why, String released, String current) {
        assertThat(SchemaCompatibility.breakingChanges(one(released), one(current))).isEmpty();
    }

    @Test
    void onTheRealSchemasAnOptionalFieldAndANewEventTypePass() throws Exception {
        Map<String, JsonNode> current = current();
        ((ObjectNode) current.get("MilestoneRecorded.schema.json").get("properties"))
                .putObject("contractNo").put("$ref", "common.schema.json#/$defs/text");
        // a tenth event type: its own file, the type enum widened, a branch that only applies to it
        current.put("ProjectMerged.schema.json", current.get("ProjectResumed.schema.json").deepCopy());
        ((ArrayNode) current.get("common.schema.json").at("/$defs/eventType/enum")).add("ProjectMerged");
        ObjectNode branch = ((ArrayNode) current.get("envelope.schema.json").get("allOf")).addObject();
        branch.putObject("if").putObject("properties").putObject("type").put("const", "ProjectMerged");
        branch.putObject("then").putObject("properties").putObject("data").put("$ref", "ProjectMerged.schema.json");
        // reference data grows: a new district
        ((ArrayNode) current.get("reference.schema.json").at("/$defs/districtCode/enum")).add("120120");

        assertThat(SchemaCompatibility.breakingChanges(released(), current)).isEmpty();
    }

    @Test
    void onTheRealSchemasASharedDefinitionNarrowedFailsWhereverItIsUsed() throws Exception {
        Map<String, JsonNode> current = current();
        ((ObjectNode) current.get("common.schema.json").at("/$defs/amountCny")).put("pattern", "^[0-9]+\\.[0-9]{2}$");

        assertThat(SchemaCompatibility.breakingChanges(released(), current))
                .anySatisfy(p -> assertThat(p).startsWith("MilestoneRecorded.schema.json: properties.amountCny.pattern changed"))
                .anySatisfy(p -> assertThat(p).startsWith("ProjectRegistered.schema.json: properties.plannedInvestmentCny.pattern changed"))
                .anySatisfy(p -> assertThat(p).startsWith("common.schema.json: $defs.amountCny.pattern changed"));
    }

    @Test
    void onTheRealSchemasRemovalsAndNewRequirementsFail() throws Exception {
        Map<String, JsonNode> current = current();
        ((ObjectNode) current.get("MilestoneRecorded.schema.json").get("properties")).remove("note");
        ((ArrayNode) current.get("ProjectRegistered.schema.json").get("required")).add("park");
        ((ArrayNode) current.get("reference.schema.json").at("/$defs/chainCode/enum")).remove(0);
        ObjectNode newRule = ((ArrayNode) current.get("envelope.schema.json").get("allOf")).addObject();
        newRule.putObject("properties").putObject("recordedBy").put("maxLength", 32);

        assertThat(SchemaCompatibility.breakingChanges(released(), current)).contains(
                "MilestoneRecorded.schema.json: properties.note removed or renamed",
                "ProjectRegistered.schema.json: properties.park is newly required: released events lack it")
                .anySatisfy(p -> assertThat(p).startsWith("reference.schema.json: $defs.chainCode.enum no longer allows [\"it-innovation\"]"))
                .anySatisfy(p -> assertThat(p).startsWith("envelope.schema.json: allOf adds a constraint"));
    }

    @Test
    void onTheRealSchemasARemovedEventTypeFails() throws Exception {
        Map<String, JsonNode> current = current();
        current.remove("ProjectResumed.schema.json");

        assertThat(SchemaCompatibility.breakingChanges(released(), current)).contains(
                "ProjectResumed.schema.json: removed",
                "envelope.schema.json: $ref ProjectResumed.schema.json names a file that is not in the set");
    }

    private static Map<String, JsonNode> released() throws IOException, URISyntaxException {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(releasedDir())) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                files.put(path.getFileName().toString(), EventCodec.jsonMapper().readTree(Files.readString(path)));
            }
        }
        return files;
    }

    private static Map<String, JsonNode> current() {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        for (String file : EventSchemaValidator.schemaFiles()) {
            files.put(file, EventCodec.jsonMapper().readTree(EventSchemaValidator.bundledSchema(file)));
        }
        return files;
    }

    private static Path releasedDir() throws URISyntaxException {
        return Path.of(SchemaCompatibilityTest.class.getResource("/released/v1").toURI());
    }

    private static Map<String, JsonNode> one(String schema) {
        return SchemaCompatibility.parse(Map.of("x.schema.json", schema));
    }

    private static String edit(String schema, Consumer<JsonNode> change) {
        JsonNode tree = EventCodec.jsonMapper().readTree(schema);
        change.accept(tree);
        return tree.toString();
    }

    private static String remove(String schema, String container, String name) {
        return edit(schema, s -> ((ObjectNode) s.get(container)).remove(name));
    }

    private static String rename(String schema, String from, String to) {
        return edit(schema, s -> {
            ObjectNode properties = (ObjectNode) s.get("properties");
            properties.set(to, properties.remove(from));
        });
    }
}
