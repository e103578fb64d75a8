package io.groundbreak.testsupport;

import io.groundbreak.keycloak.KeycloakAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' Keycloak issues the tokens the services and the web app rely on (CONTRACT of issue 21). */
class IdentityProviderIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static IdentityProvider keycloak;

    @BeforeAll
    static void start() {
        keycloak = TestInfrastructure.get().identityProvider();
    }

    @Test
    void aLeaderTokenCarriesItsRoleTheAudienceAndItsName() {
        JsonNode claims = claims(keycloak.passwordToken("leader"));

        assertThat(claims.get("iss").asString()).isEqualTo(keycloak.issuer())
                .isEqualTo(keycloak.baseUrl() + "/realms/groundbreak");
        assertThat(strings(claims.get("roles"))).containsExactly("LEADER");
        assertThat(strings(claims.get("aud"))).contains("groundbreak-services");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("leader");
        assertThat(claims.has("district")).isFalse();
        assertThat(header(keycloak.passwordToken("leader")).get("alg").asString()).isEqualTo("RS256");
    }

    @Test
    void districtUsersCarryTheirDistrict() {
        JsonNode office = claims(keycloak.passwordToken("d120116"));
        JsonNode reviewer = claims(keycloak.passwordToken("r120116"));

        assertThat(strings(office.get("roles"))).containsExactly("DISTRICT");
        assertThat(office.get("district").asString()).isEqualTo("120116");
        assertThat(strings(reviewer.get("roles"))).containsExactly("REVIEWER");
        assertThat(reviewer.get("district").asString()).isEqualTo("120116");
    }

    @Test
    void aDistrictsMachineClientIsADistrictOfficeOfThatDistrict() {
        JsonNode claims = claims(keycloak.clientToken("120116"));

        assertThat(strings(claims.get("roles"))).containsExactly("DISTRICT");
        assertThat(claims.get("district").asString()).isEqualTo("120116");
        assertThat(strings(claims.get("aud"))).contains("groundbreak-services");
        assertThat(claims.get("preferred_username").asString()).isEqualTo("service-account-district-120116");
    }

    @Test
    void rotatingTheKeysChangesTheKidOfNewTokens() {
        String before = header(keycloak.passwordToken("auditor")).get("kid").asString();

        keycloak.rotateKeys();

        assertThat(header(keycloak.passwordToken("auditor")).get("kid").asString()).isNotEqualTo(before);
    }

    @Test
    void theOtherRealmIsAnotherIssuerWithTheSameUsers() {
        JsonNode claims = claims(keycloak.otherRealmToken("leader"));

        assertThat(claims.get("iss").asString()).isEqualTo(keycloak.baseUrl() + "/realms/elsewhere")
                .isNotEqualTo(keycloak.issuer());
        assertThat(strings(claims.get("roles"))).containsExactly("LEADER");
    }

    @Test
    void bruteForceProtectionCountsAWrongPassword() {
        KeycloakAdmin tokens = new KeycloakAdmin(keycloak.baseUrl(), "unused", "unused");

        HttpResponse<String> refused = tokens.tokenResponse("groundbreak", Map.of("grant_type", "password",
                "client_id", "groundbreak-cli", "username", "admin", "password", "wrong"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
        assertThat(adminGet("/admin/realms/groundbreak").get("bruteForceProtected").asBoolean()).isTrue();
        String userId = adminGet("/admin/realms/groundbreak/users?exact=true&username=admin").get(0).get("id").asString();
        assertThat(adminGet("/admin/realms/groundbreak/attack-detection/brute-force/users/" + userId)
                .get("numFailures").asInt()).isEqualTo(1);
    }

    private static JsonNode adminGet(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + path))
                            .header("Authorization", "Bearer " + keycloak.adminToken()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode claims(String token) {
        return part(token, 1);
    }

    private static JsonNode header(String token) {
        return part(token, 0);
    }

    private static JsonNode part(String token, int index) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode array) {
        if (array.isString()) {
            return List.of(array.asString());
        }
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
