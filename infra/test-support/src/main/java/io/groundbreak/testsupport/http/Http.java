package io.groundbreak.testsupport.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET requests against the running service, as a user (HTTP Basic) or anonymously. */
public final class Http {

    public record Answer(int status, String contentType, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    public Http(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** @param user null for no credentials; the local users' password is {@code <user>-dev} */
    public Answer get(String path, String user) {
        return user == null ? getAuthorized(path, null) : getAuthorized(path, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
    }

    /** With this Authorization header (e.g. {@code Bearer <token>}), or none when null. */
    public Answer getAuthorized(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body.isEmpty() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
