package io.groundbreak.audit.reconciliation.client;

import io.groundbreak.audit.funnel.replay.FunnelScope;
import io.groundbreak.audit.outbound.ServiceCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads funnel-service's live {@code GET /api/funnel} with audit-service's credentials ({@link ServiceCredentials}:
 * its client's token, or the configured user in profile local). The answer is kept as JSON: it is compared as written.
 */
@Component
public class FunnelServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String user;
    private final String password;
    private final ServiceCredentials credentials;
    private final JsonMapper json;

    FunnelServiceClient(@Value("${groundbreak.funnel-service.url}") String baseUrl,
                        @Value("${groundbreak.funnel-service.user:}") String user,
                        @Value("${groundbreak.funnel-service.password:}") String password,
                        ServiceCredentials credentials, JsonMapper json) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.user = user;
        this.password = password;
        this.credentials = credentials;
        this.json = json;
    }

    /** @throws FunnelServiceUnavailable when it cannot be reached or does not answer 200 with JSON */
    public JsonNode funnel(LocalDate validAt, FunnelScope scope) {
        StringBuilder url = new StringBuilder(baseUrl).append("/api/funnel?asOf=").append(validAt);
        scope.district().ifPresent(code -> url.append("&district=").append(URLEncoder.encode(code, StandardCharsets.UTF_8)));
        scope.chain().ifPresent(code -> url.append("&chain=").append(URLEncoder.encode(code, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(TIMEOUT)
                .header("Accept", "application/json").GET();
        try {
            String authorization = credentials.authorization(user, password);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new FunnelServiceUnavailable(url + " answered " + response.statusCode(), null);
            }
            return json.readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new FunnelServiceUnavailable(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunnelServiceUnavailable(url + ": interrupted", e);
        }
    }
}
