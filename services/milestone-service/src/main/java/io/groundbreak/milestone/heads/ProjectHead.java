package io.groundbreak.milestone.heads;

/** The last event of a project in the event store: its sequence and the hash that seals it. */
record ProjectHead(String projectId, long sequence, String hash) {
}
