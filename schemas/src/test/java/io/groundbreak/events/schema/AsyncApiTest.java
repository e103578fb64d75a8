package io.groundbreak.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * asyncapi.yaml is a valid AsyncAPI 3.0 document (checked against the official JSON Schema of
 * AsyncAPI 3.0.0, in test resources) and describes what our code puts on the topic.
 */
class AsyncApiTest {

    private static final String ASYNCAPI_SCHEMA_ID = "http://asyncapi.com/definitions/3.0.0/asyncapi.json";
    private static Schema asyncApiSchema;
    private static JsonNode document;

    @BeforeAll
    static void load() throws IOException {
        String schema = resource("asyncapi/asyncapi-3.0.0.schema.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemas(Map.of(ASYNCAPI_SCHEMA_ID, schema)));
        asyncApiSchema = registry.getSchema(SchemaLocation.of(ASYNCAPI_SCHEMA_ID));
        document = YAMLMapper.builder().build().readTree(resource("asyncapi.yaml"));
    }

    @Test
    void isAValidAsyncApi300Document() {
        assertThat(asyncApiSchema.validate(document)).extracting(Error::toString).isEmpty();
    }

    @Test
    void theValidationCanFail() {
        // so that the test above proves something: two documents that AsyncAPI 3.0.0 rejects
        ObjectNode unknownRootField = (ObjectNode) document.deepCopy();
        unknownRootField.put("topics", "groundbreak.project-events.v1");
        ObjectNode version2Verb = (ObjectNode) document.deepCopy();
        ((ObjectNode) version2Verb.at("/operations/publishProjectEvents")).put("action", "publish");

        assertThat(asyncApiSchema.validate(unknownRootField)).isNotEmpty();
        assertThat(asyncApiSchema.validate(version2Verb)).isNotEmpty();
    }

    @Test
    void describesOurTopicWithOneMessagePerEventType() {
        JsonNode channel = document.at("/channels/projectEvents");

        assertThat(channel.get("address").asString()).isEqualTo(CloudEventHeaders.TOPIC);
        assertThat(channel.at("/bindings/kafka/topic").asString()).isEqualTo(CloudEventHeaders.TOPIC);
        assertThat(channel.get("messages").propertyNames())
                .containsExactlyInAnyOrderElementsOf(EventCodec.types().keySet());
        List<String> actions = new ArrayList<>();
        document.get("operations").forEach(operation -> {
            actions.add(operation.get("action").asString());
            assertThat(resolve(operation.get("channel"))).isEqualTo(channel);
            assertThat(operation.get("messages")).extracting(m -> resolve(m).get("name").asString())
                    .containsExactlyInAnyOrderElementsOf(EventCodec.types().keySet());
        });
        assertThat(actions).containsExactlyInAnyOrder("send", "receive");
    }

    @Test
    void eachMessageHasItsSchemaTheCloudEventsHeadersAndTheProjectKey() {
        for (String type : EventCodec.types().keySet()) {
            JsonNode message = resolve(document.at("/channels/projectEvents/messages/" + type));
            JsonNode payload = resolve(message.get("payload"));
            JsonNode headers = resolve(message.get("headers"));
            JsonNode key = resolve(resolve(message.get("bindings")).at("/kafka/key"));

            assertThat(message.get("name").asString()).isEqualTo(type);
            assertThat(message.get("contentType").asString()).isEqualTo("application/json");
            assertThat(payload.at("/schema/$ref").asString()).isEqualTo("./schemas/v1/" + EventSchemaValidator.fileOf(type));
            assertThat(payload.get("schemaFormat").asString()).isEqualTo("application/schema+json;version=2020-12");
            assertThat(headers.at("/schema/$ref").asString()).isEqualTo("./schemas/v1/" + EventSchemaValidator.HEADERS_FILE);
            assertThat(key.get("type").asString()).isEqualTo("string");
            assertThat(key.get("format").asString()).isEqualTo("uuid");
        }
        // the referenced files are the ones in the jar, beside asyncapi.yaml
        assertThat(EventSchemaValidator.bundledSchema(EventSchemaValidator.HEADERS_FILE)).isNotBlank();
    }

    @Test
    void itsDescriptionNamesEveryHeaderWeWrite() {
        String description = document.at("/info/description").asString();

        assertThat(List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                CloudEventHeaders.SOURCE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME, CloudEventHeaders.SEQUENCE,
                CloudEventHeaders.RECORDED_BY, CloudEventHeaders.PREV_HASH, CloudEventHeaders.HASH,
                CloudEventHeaders.CONTENT_TYPE)).allSatisfy(header -> assertThat(description).contains(header));
    }

    @Test
    void itsExamplesAreValidRecords() {
        int examples = 0;
        for (JsonNode message : document.at("/components/messages")) {
            for (JsonNode example : message.path("examples")) {
                Map<String, String> headers = new LinkedHashMap<>();
                example.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
                byte[] value = EventCodec.jsonMapper().writeValueAsString(example.get("payload"))
                        .getBytes(StandardCharsets.UTF_8);

                assertThat(EventSchemaValidator.v1().validateRecord(headers.get(CloudEventHeaders.SUBJECT), headers, value))
                        .isEmpty();
                assertThat(headers.get(CloudEventHeaders.TYPE)).isEqualTo(message.get("name").asString());
                examples++;
            }
        }
        assertThat(examples).isPositive();
    }

    /** Follows local references ({@code #/a/b}) as AsyncAPI tools do. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref") && node.get("$ref").asString().startsWith("#/")) {
            node = document.at(node.get("$ref").asString().substring(1));
        }
        return node;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AsyncApiTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
