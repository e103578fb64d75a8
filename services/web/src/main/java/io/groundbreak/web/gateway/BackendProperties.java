package io.groundbreak.web.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services answer: {@code groundbreak.web.services.milestone-service}, {@code .funnel-service},
 * {@code .audit-service} (defaults: the local stack's ports), and how long a call may take (an export
 * of the whole ledger streams for a while, so the default is generous).
 */
@ConfigurationProperties("groundbreak.web.services")
public record BackendProperties(URI milestoneService, URI funnelService, URI auditService, Duration timeout) {

    public BackendProperties {
        milestoneService = milestoneService == null ? URI.create("http://127.0.0.1:8081") : milestoneService;
        funnelService = funnelService == null ? URI.create("http://127.0.0.1:8082") : funnelService;
        auditService = auditService == null ? URI.create("http://127.0.0.1:8083") : auditService;
        timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
    }

    URI baseOf(Backend backend) {
        return switch (backend) {
            case MILESTONES -> milestoneService;
            case FUNNEL -> funnelService;
            case AUDIT -> auditService;
        };
    }
}
