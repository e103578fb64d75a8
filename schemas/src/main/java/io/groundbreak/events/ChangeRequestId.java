package io.groundbreak.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies one request for a change that needs a second person's approval (schema 1.3). */
public record ChangeRequestId(UUID value) {

    public ChangeRequestId {
        Objects.requireNonNull(value, "value");
    }

    public static ChangeRequestId random() {
        return new ChangeRequestId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static ChangeRequestId parse(String text) {
        return new ChangeRequestId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
