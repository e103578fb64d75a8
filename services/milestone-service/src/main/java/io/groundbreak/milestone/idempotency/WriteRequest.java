package io.groundbreak.milestone.idempotency;

/**
 * Who writes what: the user, the optional {@code Idempotency-Key} header, the request path and the
 * parsed body (its JSON form is what "the same body" means: whitespace and key order do not count).
 */
public record WriteRequest(String user, String idempotencyKey, String path, Object body) {
}
