package io.groundbreak.deploy;

/**
 * A {@code ${NAME:default}} of a service's configuration: the property it sits in (e.g.
 * {@code groundbreak.web.services.funnel-service}) and its default ({@code null} when it has none).
 */
record Placeholder(String name, String property, String defaultValue) {

    /** A default that only makes sense on a developer's machine: a deployment must say where things are. */
    boolean defaultIsLoopback() {
        return defaultValue != null && defaultValue.contains("127.0.0.1");
    }

    /** A credential without a default: profile {@code local} supplies it, any other deployment must. */
    boolean defaultIsEmpty() {
        return defaultValue != null && defaultValue.isEmpty();
    }
}
