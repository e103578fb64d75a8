package io.groundbreak.web.gateway;

/** Where a path of the web app's {@code /api} goes: the service, and the path on that service. */
public record Route(Backend backend, String path) {
}
