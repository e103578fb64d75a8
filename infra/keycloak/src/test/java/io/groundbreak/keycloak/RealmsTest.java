package io.groundbreak.keycloak;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealmsTest {

    private final Map<String, Object> realm = Realms.realm("groundbreak", List.of("120116", "120101"),
            List.of("http://localhost:8080/*"));

    @Test
    void everyDistrictHasAnOfficeAReviewerAndAMachineClient() {
        assertThat(users()).extracting(user -> user.get("username")).containsExactly("leader", "auditor", "admin",
                "service-account-groundbreak-audit",
                "d120116", "r120116", "service-account-district-120116",
                "d120101", "r120101", "service-account-district-120101");
        Map<String, Object> office = user("d120116");
        assertThat(office.get("realmRoles")).isEqualTo(List.of("DISTRICT"));
        assertThat(office.get("attributes")).isEqualTo(Map.of("district", List.of("120116")));
        assertThat(office.get("credentials")).isEqualTo(List.of(Map.of("type", "password", "value", "d120116-dev",
                "temporary", false)));
        assertThat(user("r120116").get("realmRoles")).isEqualTo(List.of("REVIEWER"));
        assertThat(user("leader")).doesNotContainKey("attributes");
        assertThat(user("service-account-district-120116")).containsEntry("serviceAccountClientId", "district-120116")
                .containsEntry("realmRoles", List.of("DISTRICT"));
    }

    @Test
    void theWebAppIsPublicWithPkceAndTheMachineClientsOnlyHaveClientCredentials() {
        Map<String, Object> web = client("groundbreak-web");
        assertThat(web).containsEntry("publicClient", true).containsEntry("standardFlowEnabled", true)
                .containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("redirectUris", List.of("http://localhost:8080/*"));
        assertThat(web.get("attributes")).isEqualTo(Map.of("pkce.code.challenge.method", "S256",
                "post.logout.redirect.uris", "+"));
        assertThat(client("groundbreak-cli")).containsEntry("publicClient", true)
                .containsEntry("directAccessGrantsEnabled", true).containsEntry("standardFlowEnabled", false);
        Map<String, Object> machine = client("district-120101");
        assertThat(machine).containsEntry("publicClient", false).containsEntry("secret", "district-120101-dev")
                .containsEntry("serviceAccountsEnabled", true).containsEntry("standardFlowEnabled", false)
                .containsEntry("directAccessGrantsEnabled", false);
        assertThat(machine.toString()).contains("claim.value=120101");
    }

    @Test
    void auditServiceHasAClientCredentialsClientWithRoleAuditor() {
        assertThat(client("groundbreak-audit")).containsEntry("publicClient", false)
                .containsEntry("secret", "groundbreak-audit-dev").containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false).containsEntry("directAccessGrantsEnabled", false)
                .doesNotContainKey("protocolMappers");
        assertThat(user("service-account-groundbreak-audit")).containsEntry("serviceAccountClientId", "groundbreak-audit")
                .containsEntry("realmRoles", List.of("AUDITOR"));
    }

    @Test
    void bruteForceProtectionIsOnAndEveryClientIsLimitedToTheFiveRoles() {
        assertThat(realm).containsEntry("bruteForceProtected", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mappings = (List<Map<String, Object>>) realm.get("scopeMappings");
        assertThat(mappings).hasSize(5).allSatisfy(mapping -> assertThat(mapping.get("roles"))
                .isEqualTo(List.of("DISTRICT", "REVIEWER", "LEADER", "AUDITOR", "ADMIN")));
        assertThat(clients()).allSatisfy(client -> assertThat(client).containsEntry("fullScopeAllowed", false));
    }

    @Test
    void theScopeMapsRolesDistrictAndTheAudience() {
        String scope = Realms.json(Realms.clientScope());

        assertThat(scope).contains("\"name\":\"groundbreak\"", "\"claim.name\":\"roles\"", "\"multivalued\":\"true\"",
                "\"user.attribute\":\"district\"", "\"included.custom.audience\":\"groundbreak-services\"");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> users() {
        return (List<Map<String, Object>>) realm.get("users");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> clients() {
        return (List<Map<String, Object>>) realm.get("clients");
    }

    private Map<String, Object> user(String name) {
        return users().stream().filter(user -> name.equals(user.get("username"))).findFirst().orElseThrow();
    }

    private Map<String, Object> client(String id) {
        return clients().stream().filter(client -> id.equals(client.get("clientId"))).findFirst().orElseThrow();
    }
}
