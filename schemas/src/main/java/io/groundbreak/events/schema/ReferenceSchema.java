package io.groundbreak.events.schema;

import io.groundbreak.events.EventCodec;
import io.groundbreak.reference.District;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.reference.StageInfo;
import java.nio.file.Path;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code reference.schema.json}: the district, chain, stage and source codes of a reference data set
 * as JSON Schema enums, which the event schemas reference. The checked-in file is this generator's
 * output for the bundled data (a test keeps them equal); another city runs {@link #main} on its own
 * directory to publish its schemas, and {@link EventSchemaValidator#forReferenceData} does the same
 * in memory.
 */
public final class ReferenceSchema {

    public static final String FILE = "reference.schema.json";

    private ReferenceSchema() {
    }

    public static ObjectNode generate(ReferenceData data) {
        ObjectNode root = EventCodec.jsonMapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", EventSchemaValidator.SCHEMA_BASE_URI + FILE);
        root.put("title", "Groundbreak v1: codes of the reference data");
        root.put("description", "Generated from the reference data files (districts.csv, chains.csv, stages.csv, sources.csv) "
                + "by io.groundbreak.events.schema.ReferenceSchema; do not edit by hand. "
                + "The names of each code are in those files.");
        ObjectNode defs = root.putObject("$defs");
        enumeration(defs, "districtCode", "A district's national administrative division code.")
                .addAll(data.districts().stream().map(District::code).map(defs::stringNode).toList());
        enumeration(defs, "districtSource", "The CloudEvents source of a district's events: /districts/{code}.")
                .addAll(data.districts().stream().map(d -> defs.stringNode("/districts/" + d.code())).toList());
        enumeration(defs, "chainCode", "A key industrial chain's code.")
                .addAll(data.chainCodes().stream().map(defs::stringNode).toList());
        enumeration(defs, "stage", "A funnel stage, in funnel order: each is above the ones before it.")
                .addAll(data.stages().stream().map(StageInfo::code).map(defs::stringNode).toList());
        enumeration(defs, "sourceCode", "Schema 1.1: where a project came from, a code of sources.csv "
                + "(none when the data set has no such file).")
                .addAll(data.sourceCodes().stream().map(defs::stringNode).toList());
        return root;
    }

    public static String generateJson(ReferenceData data) {
        return EventCodec.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(generate(data)) + "\n";
    }

    /** Prints the reference schema of the data in the directory given, or of the bundled data. */
    public static void main(String[] args) {
        ReferenceData data = args.length == 0 ? ReferenceData.loadDefault() : ReferenceData.load(Path.of(args[0]));
        System.out.print(generateJson(data));
    }

    private static ArrayNode enumeration(ObjectNode defs, String name, String description) {
        ObjectNode def = defs.putObject(name);
        def.put("description", description);
        def.put("type", "string");
        return def.putArray("enum");
    }
}
