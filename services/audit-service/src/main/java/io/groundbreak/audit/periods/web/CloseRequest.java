package io.groundbreak.audit.periods.web;

/** {@code POST /api/periods/{yyyy-MM}/close}: a district office closes its own district (no body needed), ADMIN names one. */
record CloseRequest(String district) {
}
