package io.groundbreak.audit.deadletter.web;

/** {@code {"reason": "…"}}: required, not blank, at most 1,000 characters. */
record DiscardRequest(String reason) {
}
