package io.groundbreak.milestone.idempotency;

/** The first answer given to an idempotency key, and the hash of the request it answered. */
record StoredAnswer(String requestHash, int status, String location, String body) {
}
