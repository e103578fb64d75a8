package io.groundbreak.demo.load;

/** One POST to milestone-service, as a district user, with its own Idempotency-Key. */
public record ApiRequest(String user, String path, String idempotencyKey, String jsonBody) {

    /**
     * A change of the past (a correction, retraction, termination or amendment) that milestone-service may hold as a
     * request until a second person approves it (answered 202): whether it does depends on the service's bounds.
     */
    public boolean mayWaitForReview() {
        return path.endsWith("/correction") || path.endsWith("/retraction") || path.endsWith("/termination")
                || path.endsWith("/amendment");
    }
}
