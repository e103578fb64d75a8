package io.groundbreak.milestone.project.web;

import io.groundbreak.kit.text.TextRules;

/** The {@code Idempotency-Key} header every write may carry (docs/rules.md "Idempotency"), checked alike everywhere. */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    private IdempotencyKeyHeader() {
    }

    /** @throws InvalidFields (400) for a blank or too long key, or one that is not a single line of text */
    public static void check(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_LENGTH)) {
            throw InvalidFields.of(NAME, "idempotency-key");
        }
        if (!TextRules.isSingleLine(key)) {
            throw InvalidFields.of(NAME, "single-line");
        }
    }
}
