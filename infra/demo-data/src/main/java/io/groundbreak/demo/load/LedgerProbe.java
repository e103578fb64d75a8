package io.groundbreak.demo.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many projects the ledger holds, as funnel-service's project list tells a leader
 * ({@code GET /api/projects?size=1} → {@code totalItems}): every registered project is listed, with or
 * without a stage. Used to load the demo only into an empty ledger.
 */
public final class LedgerProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI funnelService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LedgerProbe(URI funnelService) {
        this.funnelService = funnelService;
    }

    public long projectsKnown() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(funnelService.resolve("/api/projects?size=1"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("leader:leader-dev".getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " as leader → HTTP " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode totalItems = JSON.readTree(answer.body()).get("totalItems");
        if (totalItems == null || !totalItems.isNumber()) {
            throw new IOException("GET " + request.uri() + " answered without totalItems: " + answer.body());
        }
        return totalItems.asLong();
    }
}
