package io.groundbreak.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * HTTP as the users of the local profile (HTTP Basic, password {@code <user>-dev}), over HTTP/1.1 with
 * kept-alive connections as a browser or a district's client would use them.
 */
final class BenchHttp {

    /** @param nanos from sending the request to having read the whole answer */
    record Answer(int status, String body, long nanos) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Answer get(URI uri, String user) {
        return send(request(uri, user).GET().build());
    }

    Answer post(URI uri, String user, String json) {
        return send(request(uri, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A GET whose answer is handed to {@code body} as a stream (an export); returns status and time. */
    Answer getStreamed(URI uri, String user, Consumer<InputStream> body) {
        long begin = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request(uri, user).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body.accept(in);
            }
            return new Answer(response.statusCode(), "", System.nanoTime() - begin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest request) {
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - begin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(URI uri, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (user != null) {
            String credentials = user + ":" + user + "-dev";
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
