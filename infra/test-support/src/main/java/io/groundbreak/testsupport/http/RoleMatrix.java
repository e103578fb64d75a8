package io.groundbreak.testsupport.http;

import io.groundbreak.testsupport.IdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role × endpoint matrix of issue 21, the same check in every service: each role's real token (the identity
 * provider's) sent to endpoints written {@code METHOD path [json body]}. A leak is an allowed caller refused (401,
 * 403) or failing (5xx), or any other caller answered with anything but 403.
 */
public final class RoleMatrix {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    /**
     * The tokens of the leader, the auditor, the admin, district 120116's office ({@code d120116}) and reviewer
     * ({@code r120116}), and that district's machine client ({@code district-120116}).
     */
    public RoleMatrix(IdentityProvider provider, int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        for (String user : List.of("leader", "auditor", "admin", "d120116", "r120116")) {
            tokens.put(user, provider.passwordToken(user));
        }
        tokens.put("district-120116", provider.clientToken("120116"));
    }

    /** Every user of the matrix, in the order above. */
    public List<String> users() {
        return List.copyOf(tokens.keySet());
    }

    /**
     * {@code allowed}: each endpoint, sent by every user, with the users it must answer; {@code refused}: each
     * endpoint with the users it must refuse, sent by those only (writes that must not run). One line a leak.
     */
    public List<String> leaks(Map<String, List<String>> allowed, Map<String, List<String>> refused) {
        List<String> leaks = new ArrayList<>();
        tokens.forEach((user, token) -> {
            allowed.forEach((endpoint, users) -> {
                HttpResponse<String> answer = send(endpoint, token);
                int status = answer.statusCode();
                if (users.contains(user) ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    leaks.add(user + " " + endpoint + " → " + status + " " + answer.body());
                }
            });
            refused.forEach((endpoint, users) -> {
                if (users.contains(user)) {
                    HttpResponse<String> answer = send(endpoint, token);
                    if (answer.statusCode() != 403) {
                        leaks.add(user + " " + endpoint + " → " + answer.statusCode() + " " + answer.body());
                    }
                }
            });
        });
        return leaks;
    }

    /** {@code METHOD path [json body]} with this bearer token. */
    private HttpResponse<String> send(String endpoint, String token) {
        String[] parts = endpoint.split(" ", 3);
        String json = parts.length == 3 ? parts[2] : null;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + parts[1]))
                .header("Authorization", "Bearer " + token)
                .method(parts[0], json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
