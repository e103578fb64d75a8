package io.groundbreak.faults.check;

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

/** GETs as a local user (HTTP Basic, password {@code <user>-dev}) for the checks: the views' own answers. */
public final class ServiceHttp {

    /** @param body the JSON answer, or null when it was not JSON; status 0 when no answer came */
    public record Answer(int status, JsonNode body, String text) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceHttp() {
    }

    public static Answer get(URI uri, String user) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en")
                .GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // left null: the caller says what it expected
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
