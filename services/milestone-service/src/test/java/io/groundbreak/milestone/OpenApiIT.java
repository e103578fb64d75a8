package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.http.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** springdoc describes every write, with an example for every request, and needs no credentials. */
class OpenApiIT extends ServiceTestBase {

    private static final List<String> WRITES = List.of(
            "/api/projects",
            "/api/projects/{projectId}/milestones",
            "/api/projects/{projectId}/milestones/{stage}/correction",
            "/api/projects/{projectId}/milestones/{stage}/retraction",
            "/api/projects/{projectId}/suspension",
            "/api/projects/{projectId}/resumption",
            "/api/projects/{projectId}/termination",
            "/api/projects/{projectId}/investment-reports",
            "/api/projects/{projectId}/amendment",
            "/api/projects/{projectId}/requests/{requestId}/approval",
            "/api/projects/{projectId}/requests/{requestId}/rejection",
            "/api/projects/{projectId}/requests/{requestId}/withdrawal");

    @Test
    void theApiDescriptionHasEveryWriteWithAnExampleRequest() {
        Http.Answer docs = new Http(port).get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        JsonNode schemas = docs.body().get("components").get("schemas");

        for (String path : WRITES) {
            JsonNode body = paths.get(path).get("post").get("requestBody").get("content").get("application/json").get("schema");
            JsonNode schema = schemas.get(body.get("$ref").asString().substring("#/components/schemas/".length()));
            assertThat(schema.get("properties").valueStream().filter(property -> property.has("example")).count())
                    .as("examples of %s", path).isEqualTo(schema.get("properties").size());
        }
    }

    @Test
    void theSwaggerUiIsServed() throws Exception {
        HttpResponse<String> ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
