package io.groundbreak.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies one project for its whole life; the Kafka key and the CloudEvents subject. */
public record ProjectId(UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static ProjectId parse(String text) {
        return new ProjectId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
