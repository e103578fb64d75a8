package io.groundbreak.web.briefing;

/** A line "label: value" under a section's title. */
record Note(String label, String value) {
}
