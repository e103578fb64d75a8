package io.groundbreak.events;

/** The funnel's stages, in order: a project only moves up (skipping is allowed). */
public enum Stage {
    TALKS, SIGNED, LANDED, STARTED, PRODUCING;

    public boolean isAbove(Stage other) {
        return other == null || compareTo(other) > 0;
    }
}
