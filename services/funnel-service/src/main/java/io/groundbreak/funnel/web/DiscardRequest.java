package io.groundbreak.funnel.web;

/** Body of {@code POST /api/admin/dead-letters/{id}/discard}: why the record is given up (required). */
record DiscardRequest(String reason) {
}
