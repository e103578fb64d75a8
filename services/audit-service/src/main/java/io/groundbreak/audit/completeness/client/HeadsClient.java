package io.groundbreak.audit.completeness.client;

import io.groundbreak.audit.outbound.ServiceCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET /api/admin/heads} of milestone-service (the source: its event store) and of
 * funnel-service (its active read model), streamed, with audit-service's credentials ({@link ServiceCredentials}: its
 * client's token, or each service's configured user in profile local).
 */
@Component
public class HeadsClient {

    public static final String MILESTONE_SERVICE = "milestone-service";
    public static final String FUNNEL_SERVICE = "funnel-service";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServiceCredentials credentials;
    private final JsonMapper json;
    private final Endpoint milestones;
    private final Endpoint funnel;

    private record Endpoint(String service, String url, String user, String password) {
    }

    HeadsClient(@Value("${groundbreak.milestone-service.url}") String milestonesUrl,
                @Value("${groundbreak.milestone-service.user:}") String milestonesUser,
                @Value("${groundbreak.milestone-service.password:}") String milestonesPassword,
                @Value("${groundbreak.funnel-service.url}") String funnelUrl,
                @Value("${groundbreak.funnel-service.user:}") String funnelUser,
                @Value("${groundbreak.funnel-service.password:}") String funnelPassword,
                ServiceCredentials credentials, JsonMapper json) {
        this.credentials = credentials;
        this.json = json;
        this.milestones = endpoint(MILESTONE_SERVICE, milestonesUrl, milestonesUser, milestonesPassword);
        this.funnel = endpoint(FUNNEL_SERVICE, funnelUrl, funnelUser, funnelPassword);
    }

    private static Endpoint endpoint(String service, String url, String user, String password) {
        return new Endpoint(service, url.replaceAll("/+$", "") + "/api/admin/heads", user, password);
    }

    /** @throws HeadsUnavailable when milestone-service cannot be read; close the stream after use */
    public HeadsStream milestoneHeads() {
        return open(milestones);
    }

    /** @throws HeadsUnavailable when funnel-service cannot be read; close the stream after use */
    public HeadsStream funnelHeads() {
        return open(funnel);
    }

    private HeadsStream open(Endpoint endpoint) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(TIMEOUT)
                .header("Accept", "application/json").GET();
        try {
            String authorization = credentials.authorization(endpoint.user(), endpoint.password());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new HeadsUnavailable(endpoint.service(), endpoint.url() + " answered " + response.statusCode(), null);
            }
            return new HeadsStream(endpoint.service(), json, response.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new HeadsUnavailable(endpoint.service(), endpoint.url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HeadsUnavailable(endpoint.service(), endpoint.url() + ": interrupted", e);
        }
    }
}
