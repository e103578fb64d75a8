package io.groundbreak.web.gateway;

import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * Which service answers a path of DESIGN.md's API: writes to projects go to milestone-service, reads of
 * projects and the funnel to funnel-service, everything under /api/audit to audit-service. The web
 * app thus offers the whole contract under one origin.
 */
public final class Routes {

    private Routes() {
    }

    public static Optional<Backend> of(HttpMethod method, String path) {
        if (path.equals("/api/audit") || path.startsWith("/api/audit/")) {
            return Optional.of(Backend.AUDIT);
        }
        if (path.equals("/api/funnel") || path.startsWith("/api/funnel/")) {
            return method == HttpMethod.GET ? Optional.of(Backend.FUNNEL) : Optional.empty();
        }
        if (path.equals("/api/projects") || path.startsWith("/api/projects/")) {
            if (method == HttpMethod.POST) {
                return Optional.of(Backend.MILESTONES);
            }
            return method == HttpMethod.GET ? Optional.of(Backend.FUNNEL) : Optional.empty();
        }
        return Optional.empty();
    }
}
