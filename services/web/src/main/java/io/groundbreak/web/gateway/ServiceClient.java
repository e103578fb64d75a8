package io.groundbreak.web.gateway;

import io.groundbreak.kit.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Calls a service on behalf of a logged-in user with that user's own access token from the identity provider
 * (token relay). Each service still decides itself what that user may do.
 */
@Component
public class ServiceClient {

    private final BackendProperties backends;
    private final UserTokens tokens;
    private final HttpClient http;

    ServiceClient(BackendProperties backends, UserTokens tokens) {
        this.backends = backends;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .build();
    }

    /**
     * Sends {@code method pathAndQuery} (e.g. {@code GET /api/funnel?district=120116}) to the backend
     * with these headers and body ({@code null} for none); the answer's body streams.
     *
     * @throws BackendUnavailable when the service cannot be reached or does not answer in time
     * @throws SignInExpired when the provider gives no token for the user any more
     */
    public HttpResponse<InputStream> send(Backend backend, CurrentUser user, String method, String pathAndQuery,
                                          Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backends.baseOf(backend) + pathAndQuery))
                .timeout(backends.timeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + tokens.accessToken(user));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new BackendUnavailable(backend, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailable(backend, e);
        }
    }
}
