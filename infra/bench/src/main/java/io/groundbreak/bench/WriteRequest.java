package io.groundbreak.bench;

/** One POST a district client sends: where, what, and whether it registers a project. */
record WriteRequest(String path, String json, boolean registration) {
}
