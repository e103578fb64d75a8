package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.kit.security.bearer.KeyRefetchProperties;
import io.groundbreak.testsupport.IdentityProvider;
import io.groundbreak.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every attack on the bearer tokens, against the real identity provider (infra/test-support's Keycloak): each is
 * refused with 401 (a token that is not the provider's valid token for the services) or 403 (a valid token of a
 * caller the rules do not allow), and the role × endpoint matrix of this service with real tokens.
 *
 * <p>Expired and wrong-audience tokens are signed by a key this test registers in the realm (through the admin API):
 * a key the provider itself publishes, so the refusal is for the expiry or the audience and not for the signature
 * (the same key's token with valid claims is accepted, {@link #aTokenSignedByTheTestsRealmKeyIsAcceptedWhenItsClaimsAreValid}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttacksIT extends ServiceTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SIGNED = "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}";

    private final IdentityProvider provider = TestInfrastructure.get().identityProvider();
    @Autowired
    private KeyRefetchProperties refetch;
    private RSAKey realmKey;
    private String project;

    @BeforeAll
    void registerAKeyInTheRealmAndAProject() throws Exception {
        project = "/api/projects/" + registerProject("120116");
        RSAKey generated = new RSAKeyGenerator(2048).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generated.toPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----";
        String realm = provider.baseUrl() + "/admin/realms/groundbreak";
        String realmId = JSON.readTree(admin("GET", realm, null).body()).get("id").asString();
        Map<String, Object> component = Map.of("name", "token-attacks-it-" + UUID.randomUUID(), "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId, "config", Map.of(
                        "priority", List.of("-100"), "enabled", List.of("true"), "active", List.of("true"),
                        "algorithm", List.of("RS256"), "privateKey", List.of(pem)));
        HttpResponse<String> created = admin("POST", realm + "/components", JSON.writeValueAsString(component));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String componentId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        String kid = null;
        for (JsonNode key : JSON.readTree(admin("GET", realm + "/keys", null).body()).get("keys")) {
            if (componentId.equals(key.path("providerId").asString())) {
                kid = key.get("kid").asString();
            }
        }
        assertThat(kid).as("the realm publishes the test's key").isNotNull();
        realmKey = new RSAKey.Builder(generated).keyID(kid).build();
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        HttpResponse<String> answer = post(null, project + "/milestones", SIGNED);
        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.headers().allValues("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void aTokenSignedByTheTestsRealmKeyIsAcceptedWhenItsClaimsAreValid() {
        assertThat(bearer(crafted(claims()), project + "/investment-reports",
                "{\"period\":\"2024-01\",\"cumulativeCompletedCny\":\"1\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void anExpiredTokenIs401() {
        Instant past = Instant.now().minusSeconds(3600);
        refused(crafted(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        refused(crafted(claims().audience(List.of("account", "some-other-service"))));
        refused(crafted(claims().audience((String) null)));
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        refused(provider.otherRealmToken("d120116"));
    }

    @Test
    void aTamperedTokenIs401() {
        String[] parts = provider.passwordToken("d120116").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"120116\"");
        String otherDistrict = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"120116\"", "\"120101\"").getBytes(StandardCharsets.UTF_8));
        refused(parts[0] + "." + otherDistrict + "." + parts[2]);
        byte[] flipped = Base64.getUrlDecoder().decode(parts[1]);
        flipped[flipped.length / 2] ^= 0x01;
        refused(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped) + "." + parts[2]);
    }

    @Test
    void anUnsignedTokenIs401() {
        String[] parts = provider.passwordToken("admin").split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        refused(none + "." + parts[1] + ".");
        refused(none + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void aDistrictOfficesTokenOnAnotherDistrictsProjectIs403() {
        assertProblem(bearer(provider.passwordToken("d120101"), project + "/milestones", SIGNED), 403, "other-district");
    }

    @Test
    void aDistrictsMachineClientRecordsOnItsOwnDistrictOnly() {
        String client = provider.clientToken("120116");
        HttpResponse<String> recorded = bearer(client, project + "/milestones", "{\"stage\":\"TALKS\",\"effectiveDate\":\"2024-01-05\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        long sequence = json(recorded).get("sequence").asLong();
        EventEnvelope event = recordsOf(project.substring("/api/projects/".length()), (int) sequence + 1).stream()
                .map(ServiceTestBase::envelope).filter(envelope -> envelope.sequence() == sequence).findFirst().orElseThrow();
        assertThat(event.recordedBy()).isEqualTo("service-account-district-120116");

        String elsewhere = "/api/projects/" + registerProject("120101");
        assertProblem(bearer(client, elsewhere + "/milestones", SIGNED), 403, "other-district");
        assertProblem(bearer(client, "/api/projects", registration("120101", "TJ-" + UUID.randomUUID())), 403, "other-district");
    }

    @Test
    void afterTheProviderRotatesItsKeysNewTokensAreAcceptedWithoutARestartAndOldOnesStillAre() {
        String before = provider.passwordToken("d120116");
        String kidBefore = kid(before);
        provider.rotateKeys();
        String after = provider.passwordToken("d120116");
        assertThat(kid(after)).isNotEqualTo(kidBefore);
        // the keys are fetched again for the new kid at most once per refetch interval: when an earlier test of this
        // class (another realm's token) used that refetch, the new key is seen once the interval has passed
        await().atMost(refetch.jwksRefetchInterval().plusSeconds(15)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertAccepted(after));
        assertAccepted(before);
    }

    private void assertAccepted(String token) {
        HttpResponse<String> answer = bearer(token, project + "/investment-reports",
                "{\"period\":\"2024-02\",\"cumulativeCompletedCny\":\"2\"}");
        assertThat(answer.statusCode()).as(answer.body()).isIn(201, 422);
    }

    /**
     * Each role's real token on each endpoint that is not open to every caller: the chain lets exactly the allowed
     * roles through (their answer may still be 400/404/409/422 for this body, or the controller's own 403 such as
     * {@code not-a-reviewer}), and refuses every other with 403 {@code forbidden}.
     */
    @Test
    void theRoleTimesEndpointMatrixWithRealTokensHasNoLeak() {
        String request = project + "/requests/" + UUID.randomUUID();
        String pair = UUID.randomUUID() + "~" + UUID.randomUUID();
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        List<String> office = List.of("d120116", "admin");
        for (String path : List.of("/api/projects", project + "/milestones", project + "/milestones/SIGNED/correction",
                project + "/milestones/SIGNED/retraction", project + "/suspension", project + "/resumption",
                project + "/termination", project + "/investment-reports", project + "/amendment",
                request + "/withdrawal")) {
            allowed.put("POST " + path, office);
        }
        // a reviewer's batch passes the chain; each action is then judged for its role as its single endpoint
        allowed.put("POST /api/batch", List.of("r120116", "d120116", "admin"));
        allowed.put("POST " + request + "/approval", List.of("r120116", "d120116", "admin"));
        allowed.put("POST " + request + "/rejection", List.of("r120116", "d120116", "admin"));
        allowed.put("POST /api/supervision/targets", List.of("admin"));
        allowed.put("POST /api/duplicates/" + pair + "/decision", List.of("admin"));
        allowed.put("GET /api/admin/heads", List.of("auditor", "admin"));
        allowed.put("GET /actuator/metrics", List.of("admin"));

        List<String> leaks = new ArrayList<>();
        for (String user : List.of("d120116", "r120116", "leader", "auditor", "admin")) {
            String token = provider.passwordToken(user);
            allowed.forEach((endpoint, users) -> {
                String[] methodAndPath = endpoint.split(" ", 2);
                HttpResponse<String> answer = send(methodAndPath[0], token, methodAndPath[1], "{}");
                boolean refusedByTheChain = answer.statusCode() == 401 || (answer.statusCode() == 403
                        && json(answer).get("type").asString().equals("urn:groundbreak:problem:forbidden"));
                if (refusedByTheChain == users.contains(user)) {
                    leaks.add(user + " " + endpoint + " → " + answer.statusCode() + " " + answer.body());
                }
            });
        }
        assertThat(leaks).isEmpty();
    }

    private JWTClaimsSet.Builder claims() {
        return CraftedTokens.districtOfficeClaims(provider.issuer());
    }

    private String crafted(JWTClaimsSet.Builder claims) {
        return CraftedTokens.signed(realmKey, claims);
    }

    private void refused(String token) {
        HttpResponse<String> answer = bearer(token, project + "/milestones", SIGNED);
        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.headers().allValues("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return JSON.readTree(header).get("kid").asString();
    }

    private HttpResponse<String> bearer(String token, String path, String body) {
        return post(null, path, body, Map.of("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> send(String method, String token, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request = "GET".equals(method) ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        return exchange(request.build());
    }

    private HttpResponse<String> admin(String method, String uri, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + provider.adminToken()).header("Content-Type", "application/json");
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return exchange(request.build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
