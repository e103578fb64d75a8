package io.groundbreak.audit.periods.web;

/** {@code POST /api/periods/{yyyy-MM}/reopen}: ADMIN only, both fields required. */
record ReopenRequest(String district, String reason) {
}
