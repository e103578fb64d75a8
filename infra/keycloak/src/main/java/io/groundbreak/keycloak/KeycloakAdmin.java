package io.groundbreak.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's HTTP API as Groundbreak uses it: tokens (password grant, client credentials, the master realm's
 * administrator) and the admin calls that import {@link Realms} and rotate a realm's signing key.
 */
public final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param baseUrl       e.g. {@code http://localhost:8180}
     * @param adminUser     the master realm's administrator (Keycloak's bootstrap admin)
     */
    public KeycloakAdmin(URI baseUrl, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code {base}/realms/{realm}}: the issuer of the realm's tokens. */
    public String issuer(String realm) {
        return baseUrl + "/realms/" + realm;
    }

    /** Whether the realm's discovery document is served: the server is up and the realm exists. */
    public boolean serves(String realm) {
        try {
            return send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/.well-known/openid-configuration"))
                    .GET()).statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** An access token of the master realm's administrator, for the admin REST API. */
    public String adminToken() {
        return token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", adminUser, "password", adminPassword));
    }

    /** An access token of {@code user} (password {@code {user}-dev}) through {@code groundbreak-cli}. */
    public String passwordToken(String realm, String user) {
        return token(realm, Map.of("grant_type", "password", "client_id", Realms.CLI_CLIENT, "scope", "openid",
                "username", user, "password", Realms.devSecret(user)));
    }

    /** An access token of the machine client {@code district-{code}} (client credentials). */
    public String clientToken(String realm, String districtCode) {
        String client = Realms.districtClient(districtCode);
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", Realms.devSecret(client)));
    }

    /** The response of the realm's token endpoint to a form, failing unless it is 200. */
    public HttpResponse<String> tokenResponse(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String token(String realm, Map<String, String> form) {
        HttpResponse<String> response = tokenResponse(realm, form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token in realm " + realm + " ("
                    + form.get("grant_type") + "): " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /**
     * Creates realm {@code realm} (a {@link Realms#realm} representation) unless it exists, then its client scope
     * {@code groundbreak} as a default scope of each of its clients. Returns whether it created the realm.
     */
    public boolean importIfAbsent(Map<String, Object> realm) {
        String name = (String) realm.get("realm");
        String token = adminToken();
        if (send(admin(token, "/admin/realms/" + name).GET()).statusCode() == 200) {
            return false;
        }
        expect(201, send(admin(token, "/admin/realms").POST(json(realm))), "create realm " + name);
        HttpResponse<String> scope = send(admin(token, "/admin/realms/" + name + "/client-scopes")
                .POST(json(Realms.clientScope())));
        expect(201, scope, "create client scope " + Realms.SCOPE);
        String scopeId = idFromLocation(scope);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        Map<String, String> ids = clientIds(token, name);
        for (Map<String, Object> client : clients) {
            String id = ids.get((String) client.get("clientId"));
            expect(204, send(admin(token, "/admin/realms/" + name + "/clients/" + id + "/default-client-scopes/"
                    + scopeId).PUT(HttpRequest.BodyPublishers.noBody())), "add scope to " + client.get("clientId"));
        }
        return true;
    }

    /**
     * Adds a generated RS256 key of a higher priority than every key of the realm: tokens issued from now on carry
     * its {@code kid}; the older keys stay, so tokens they signed still verify.
     */
    public void rotateKeys(String realm) {
        String token = adminToken();
        JsonNode realmNode = JSON.readTree(expect(200, send(admin(token, "/admin/realms/" + realm).GET()),
                "read realm " + realm).body());
        JsonNode keys = JSON.readTree(expect(200, send(admin(token, "/admin/realms/" + realm + "/keys").GET()),
                "read keys of " + realm).body()).get("keys");
        long highest = StreamSupport.stream(keys.spliterator(), false)
                .mapToLong(key -> key.path("providerPriority").asLong()).max().orElse(0);
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", "rsa-rotated-" + (highest + 1));
        component.put("providerId", "rsa-generated");
        component.put("providerType", "org.keycloak.keys.KeyProvider");
        component.put("parentId", realmNode.get("id").asString());
        component.put("config", Map.of("priority", List.of(Long.toString(highest + 1)), "algorithm", List.of("RS256"),
                "keySize", List.of("2048"), "active", List.of("true"), "enabled", List.of("true")));
        expect(201, send(admin(token, "/admin/realms/" + realm + "/components").POST(json(component))),
                "add a key to " + realm);
    }

    private Map<String, String> clientIds(String token, String realm) {
        JsonNode clients = JSON.readTree(expect(200, send(admin(token, "/admin/realms/" + realm + "/clients?max=1000")
                .GET()), "list clients of " + realm).body());
        return StreamSupport.stream(clients.spliterator(), false).collect(Collectors.toMap(
                client -> client.get("clientId").asString(), client -> client.get("id").asString()));
    }

    private HttpRequest.Builder admin(String token, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object representation) {
        return HttpRequest.BodyPublishers.ofString(Realms.json(representation));
    }

    private static String idFromLocation(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Keycloak answered 201 without a Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak: could not " + what + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + baseUrl + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
