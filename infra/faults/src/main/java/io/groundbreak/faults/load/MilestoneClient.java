package io.groundbreak.faults.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A district office's client of milestone-service, as a careful one is written: every POST carries an
 * Idempotency-Key, and on a 5xx, a connection error or a timeout it sends the same request with the same key
 * again (after {@code Retry-After} when the answer says so, else a growing back-off), until it gets an answer
 * that is not a 5xx or the give-up deadline passes. Every exchange is kept as an {@link Attempt}.
 */
public final class MilestoneClient {

    /** How long the client waits for one answer: an outage must be answered (503) sooner, never by a hang. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param body the answer's JSON, or null when it had none
     * @param retryAfter the {@code Retry-After} header's delay, or null without one
     */
    public record Answer(int status, JsonNode body, String text, Duration retryAfter) {
        public boolean created() {
            return status == 201;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI baseUrl;
    private final String authorization;
    private final List<Attempt> attempts;

    public MilestoneClient(URI baseUrl, String user, List<Attempt> attempts) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8));
        this.attempts = attempts;
    }

    public static List<Attempt> newAttemptLog() {
        return new CopyOnWriteArrayList<>();
    }

    /** Sends once, no retry: the answer (or empty when none came). */
    public Optional<Answer> postOnce(String path, String json, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        Instant sent = Instant.now();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            int status = response.statusCode();
            attempts.add(new Attempt(sent, Instant.now(), idempotencyKey, status, retryAfter.isPresent(), false,
                    status >= 300 ? status + " " + abbreviate(response.body()) : null));
            return Optional.of(new Answer(status, parse(response.body()), response.body(),
                    retryAfter.map(MilestoneClient::seconds).orElse(null)));
        } catch (HttpTimeoutException e) {
            attempts.add(new Attempt(sent, Instant.now(), idempotencyKey, 0, false, true, "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s"));
            return Optional.empty();
        } catch (IOException e) {
            attempts.add(new Attempt(sent, Instant.now(), idempotencyKey, 0, false, false, e.getClass().getSimpleName()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Sends until an answer that is not a 5xx comes, or {@code giveUpAt} passes (then empty: whether it was
     * recorded is unknown, and the caller leaves the project alone from then on).
     */
    public Optional<Answer> post(String path, String json, String idempotencyKey, Instant giveUpAt) {
        Duration backOff = Duration.ofMillis(250);
        while (!Thread.currentThread().isInterrupted()) {
            Optional<Answer> answer = postOnce(path, json, idempotencyKey);
            if (answer.isPresent() && answer.get().status() < 500) {
                return answer;
            }
            if (Instant.now().isAfter(giveUpAt)) {
                return Optional.empty();
            }
            Duration wait = answer.map(Answer::retryAfter).orElse(null);
            wait = wait == null ? backOff : wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
            backOff = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(4)) > 0 ? Duration.ofSeconds(4) : backOff.multipliedBy(2);
            sleep(wait);
        }
        return Optional.empty();
    }

    /** Retry-After in seconds (an HTTP date is taken as one second: the client tries again soon). */
    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
