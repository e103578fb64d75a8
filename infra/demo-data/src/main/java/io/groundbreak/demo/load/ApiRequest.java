package io.groundbreak.demo.load;

/** One POST to milestone-service, as a district user, with its own Idempotency-Key. */
public record ApiRequest(String user, String path, String idempotencyKey, String jsonBody) {
}
