package io.groundbreak.web.gateway;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;

/**
 * Which service answers a path of docs/api.md's API: writes to projects (the four-eyes review of a request,
 * {@code /api/projects/{id}/requests/{requestId}/approval|rejection|withdrawal}, included), the plan's targets and the
 * decisions on duplicate pairs go to milestone-service, reads of projects, the funnel, the supervision views
 * ({@code /api/supervision/**}), the duplicate candidates and the change requests to funnel-service, everything under
 * /api/audit and the monthly close (/api/periods/**) to audit-service. The web app thus offers the whole contract
 * under one origin.
 *
 * <p>funnel-service and audit-service both keep dead letters under the same path,
 * {@code /api/admin/dead-letters}; the browser names the service in the path instead:
 * {@code /api/admin/funnel-service/dead-letters/**} goes to funnel-service's
 * {@code /api/admin/dead-letters/**} and {@code /api/admin/audit-service/dead-letters/**} to
 * audit-service's. {@code GET /api/admin/{funnel,audit}-service/intake} reads that service's health
 * indicator {@code eventIntake} ({@code /actuator/health/eventIntake}: status, parked, lag, maxLag) for the
 * workbench. Nothing else under {@code /api/admin} is reachable from a browser.
 */
public final class Routes {

    /** The dead-letter paths: the service's name, then what follows {@code dead-letters}, in plain segments only. */
    private static final Pattern DEAD_LETTERS =
            Pattern.compile("/api/admin/(funnel-service|audit-service)/dead-letters((?:/[A-Za-z0-9][A-Za-z0-9-]*)*)");

    /** A service's event intake (its health indicator), read-only. */
    private static final Pattern INTAKE = Pattern.compile("/api/admin/(funnel-service|audit-service)/intake");

    /** A decision on a duplicate pair: {@code {firstProjectId}~{secondProjectId}}, in plain characters only. */
    private static final Pattern DUPLICATE_DECISION = Pattern.compile("/api/duplicates/[A-Za-z0-9-]+~[A-Za-z0-9-]+/decision");

    /** The plan's targets: read from funnel-service, set (POST, ADMIN) through milestone-service. */
    private static final String TARGETS = "/api/supervision/targets";

    private Routes() {
    }

    public static Optional<Route> of(HttpMethod method, String path) {
        if (path.equals("/api/audit") || path.startsWith("/api/audit/")) {
            return Optional.of(new Route(Backend.AUDIT, path));
        }
        if (path.equals("/api/funnel") || path.startsWith("/api/funnel/")) {
            return method == HttpMethod.GET ? Optional.of(new Route(Backend.FUNNEL, path)) : Optional.empty();
        }
        if (path.equals(TARGETS) && method == HttpMethod.POST) {
            // the city sets the plan's targets: a write, milestone-service's
            return Optional.of(new Route(Backend.MILESTONES, path));
        }
        if (path.equals("/api/duplicates")) {
            // the likely duplicates across districts (issue 20), read from funnel-service's projects
            return method == HttpMethod.GET ? Optional.of(new Route(Backend.FUNNEL, path)) : Optional.empty();
        }
        if (DUPLICATE_DECISION.matcher(path).matches()) {
            // the city decides a pair (one investment or two): a write, milestone-service's
            return method == HttpMethod.POST ? Optional.of(new Route(Backend.MILESTONES, path)) : Optional.empty();
        }
        if (path.equals("/api/requests")) {
            // the change requests waiting for (or closed by) a second pair of eyes, read from funnel-service
            return method == HttpMethod.GET ? Optional.of(new Route(Backend.FUNNEL, path)) : Optional.empty();
        }
        if (path.startsWith("/api/supervision/")) {
            return method == HttpMethod.GET ? Optional.of(new Route(Backend.FUNNEL, path)) : Optional.empty();
        }
        if (path.equals("/api/projects") || path.startsWith("/api/projects/")) {
            if (method == HttpMethod.POST) {
                return Optional.of(new Route(Backend.MILESTONES, path));
            }
            return method == HttpMethod.GET ? Optional.of(new Route(Backend.FUNNEL, path)) : Optional.empty();
        }
        if (path.startsWith("/api/periods/")) {
            // the monthly close (issue 19): audit-service answers a month as known at its close
            return method == HttpMethod.GET || method == HttpMethod.POST
                    ? Optional.of(new Route(Backend.AUDIT, path)) : Optional.empty();
        }
        Matcher deadLetters = DEAD_LETTERS.matcher(path);
        if (deadLetters.matches() && (method == HttpMethod.GET || method == HttpMethod.POST)) {
            return Optional.of(new Route(backend(deadLetters.group(1)), "/api/admin/dead-letters" + deadLetters.group(2)));
        }
        Matcher intake = INTAKE.matcher(path);
        if (intake.matches() && method == HttpMethod.GET) {
            return Optional.of(new Route(backend(intake.group(1)), "/actuator/health/eventIntake"));
        }
        return Optional.empty();
    }

    private static Backend backend(String name) {
        return name.equals("funnel-service") ? Backend.FUNNEL : Backend.AUDIT;
    }
}
