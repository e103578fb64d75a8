package io.groundbreak.keycloak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realms Groundbreak signs in with, as Keycloak's representations (JSON) generated from the reference data's
 * districts: the realm roles, the users {@code leader}, {@code auditor}, {@code admin} and per district
 * {@code d{code}} and {@code r{code}} (passwords {@code {name}-dev}: a local realm only), the public clients
 * {@code groundbreak-web} (PKCE) and {@code groundbreak-cli} (password grant) and per district the confidential
 * {@code district-{code}} (client credentials, role DISTRICT, claim district) and audit-service's
 * {@code groundbreak-audit} (client credentials, role AUDITOR: it reads the other services). The client scope {@code groundbreak}
 * ({@link #clientScope()}) is created after the realm: a realm imported with any client scope would get none of
 * Keycloak's default ones ({@code profile}, {@code basic}…).
 */
public final class Realms {

    public static final String GROUNDBREAK = "groundbreak";
    /** The same users and clients under another issuer, for the tests of a token from elsewhere. */
    public static final String ELSEWHERE = "elsewhere";
    public static final List<String> ROLES = List.of("DISTRICT", "REVIEWER", "LEADER", "AUDITOR", "ADMIN");
    public static final String SCOPE = "groundbreak";
    public static final String AUDIENCE = "groundbreak-services";
    public static final String WEB_CLIENT = "groundbreak-web";
    public static final String CLI_CLIENT = "groundbreak-cli";
    /** audit-service's own identity, with which it reads milestone-service's and funnel-service's heads and funnel. */
    public static final String AUDIT_CLIENT = "groundbreak-audit";
    public static final String DISTRICT_ATTRIBUTE = "district";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Realms() {
    }

    /** {@code district-{code}}, the machine client of a district. */
    public static String districtClient(String code) {
        return "district-" + code;
    }

    /** The local password of a user or the secret of a district's client: {@code {name}-dev}. */
    public static String devSecret(String name) {
        return name + "-dev";
    }

    /**
     * The realm {@code name} with every district of {@code districtCodes}; {@code webRedirectUris} are the web
     * app's (e.g. {@code http://localhost:8080/*}; the tests' realm allows {@code *}).
     */
    public static Map<String, Object> realm(String name, List<String> districtCodes, List<String> webRedirectUris) {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", name);
        realm.put("displayName", "Groundbreak");
        realm.put("enabled", true);
        // a locked-out account waits 1 min, then longer after each further failure (up to 15 min)
        realm.put("bruteForceProtected", true);
        realm.put("permanentLockout", false);
        realm.put("failureFactor", 10);
        realm.put("waitIncrementSeconds", 60);
        realm.put("maxFailureWaitSeconds", 900);
        realm.put("accessTokenLifespan", 300);
        // The -dev passwords are published; Keycloak's default hashing (Argon2) of them would cost ~0.3 s of a core
        // at each sign-in and at the import of each user, for no protection. A city's own realm keeps its policy.
        realm.put("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)");
        realm.put("roles", Map.of("realm", ROLES.stream()
                .map(role -> Map.of("name", role, "description", "Groundbreak role " + role)).toList()));
        realm.put("components", Map.of("org.keycloak.userprofile.UserProfileProvider", List.of(userProfile())));

        List<Map<String, Object>> users = new ArrayList<>();
        users.add(user("leader", "LEADER", null));
        users.add(user("auditor", "AUDITOR", null));
        users.add(user("admin", "ADMIN", null));
        List<Map<String, Object>> clients = new ArrayList<>();
        clients.add(webClient(webRedirectUris));
        clients.add(cliClient());
        clients.add(serviceClient(AUDIT_CLIENT));
        users.add(serviceAccount(AUDIT_CLIENT, "AUDITOR"));
        for (String code : districtCodes) {
            users.add(user("d" + code, "DISTRICT", code));
            users.add(user("r" + code, "REVIEWER", code));
            clients.add(machineClient(code));
            users.add(serviceAccount(districtClient(code), "DISTRICT"));
        }
        realm.put("users", users);
        realm.put("clients", clients);
        // the roles claim carries exactly the five roles a client is scoped to (no default-roles-…, offline_access)
        realm.put("scopeMappings", clients.stream()
                .map(client -> Map.of("client", client.get("clientId"), "roles", ROLES)).toList());
        return realm;
    }

    /**
     * The client scope {@code groundbreak}: realm roles → claim {@code roles}, user attribute {@code district} →
     * claim {@code district}, audience {@code groundbreak-services}.
     */
    public static Map<String, Object> clientScope() {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("name", SCOPE);
        scope.put("protocol", "openid-connect");
        scope.put("attributes", Map.of("include.in.token.scope", "false", "display.on.consent.screen", "false"));
        scope.put("protocolMappers", List.of(
                mapper("roles", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "roles",
                        "multivalued", "true", "jsonType.label", "String", "access.token.claim", "true",
                        "id.token.claim", "true", "userinfo.token.claim", "true", "introspection.token.claim", "true")),
                mapper("district", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", DISTRICT_ATTRIBUTE,
                        "claim.name", "district", "jsonType.label", "String", "access.token.claim", "true",
                        "id.token.claim", "true", "userinfo.token.claim", "true", "introspection.token.claim", "true")),
                mapper("audience", "oidc-audience-mapper", Map.of("included.custom.audience", AUDIENCE,
                        "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"))));
        return scope;
    }

    /** A representation as JSON. */
    public static String json(Object representation) {
        return JSON.writeValueAsString(representation);
    }

    private static Map<String, Object> user(String name, String role, String district) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", name);
        user.put("enabled", true);
        user.put("firstName", name);
        user.put("credentials", List.of(Map.of("type", "password", "value", devSecret(name), "temporary", false)));
        user.put("realmRoles", List.of(role));
        if (district != null) {
            user.put("attributes", Map.of(DISTRICT_ATTRIBUTE, List.of(district)));
        }
        return user;
    }

    private static Map<String, Object> webClient(List<String> redirectUris) {
        Map<String, Object> client = baseClient(WEB_CLIENT);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("redirectUris", redirectUris);
        client.put("webOrigins", List.of("+"));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+"));
        return client;
    }

    private static Map<String, Object> cliClient() {
        Map<String, Object> client = baseClient(CLI_CLIENT);
        client.put("publicClient", true);
        client.put("directAccessGrantsEnabled", true);
        return client;
    }

    /** A district's machine client: its token says district {@code code} though it is no user with the attribute. */
    private static Map<String, Object> machineClient(String code) {
        Map<String, Object> client = serviceClient(districtClient(code));
        client.put("protocolMappers", List.of(mapper("district", "oidc-hardcoded-claim-mapper",
                Map.of("claim.name", "district", "claim.value", code, "jsonType.label", "String",
                        "access.token.claim", "true", "id.token.claim", "true", "introspection.token.claim", "true"))));
        return client;
    }

    /** A confidential client with client credentials only (secret {@code {clientId}-dev}) and a service account. */
    private static Map<String, Object> serviceClient(String clientId) {
        Map<String, Object> client = baseClient(clientId);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", devSecret(clientId));
        client.put("serviceAccountsEnabled", true);
        return client;
    }

    /** The service account of {@code clientId}, {@code service-account-{clientId}} (its preferred_username). */
    private static Map<String, Object> serviceAccount(String clientId, String role) {
        return Map.of("username", "service-account-" + clientId, "enabled", true,
                "serviceAccountClientId", clientId, "realmRoles", List.of(role));
    }

    /** Every flow off, no full scope (see {@code scopeMappings}); each client enables what it uses. */
    private static Map<String, Object> baseClient(String clientId) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", false);
        client.put("fullScopeAllowed", false);
        return client;
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", config);
    }

    /**
     * Keycloak's declarative user profile with {@code district} declared (an undeclared attribute would be
     * dropped), visible and editable by administrators only; e-mail and names optional, so that no user is
     * asked to complete a profile at sign-in.
     */
    private static Map<String, Object> userProfile() {
        Map<String, Object> everyone = Map.of("view", List.of("admin", "user"), "edit", List.of("admin", "user"));
        List<Map<String, Object>> attributes = List.of(
                Map.of("name", "username", "displayName", "${username}", "permissions", everyone,
                        "validations", Map.of("length", Map.of("min", 3, "max", 255),
                                "username-prohibited-characters", Map.of(), "up-username-not-idn-homograph", Map.of())),
                Map.of("name", "email", "displayName", "${email}", "permissions", everyone,
                        "validations", Map.of("email", Map.of(), "length", Map.of("max", 255))),
                Map.of("name", "firstName", "displayName", "${firstName}", "permissions", everyone,
                        "validations", Map.of("length", Map.of("max", 255))),
                Map.of("name", "lastName", "displayName", "${lastName}", "permissions", everyone,
                        "validations", Map.of("length", Map.of("max", 255))),
                Map.of("name", DISTRICT_ATTRIBUTE, "displayName", "District",
                        "permissions", Map.of("view", List.of("admin"), "edit", List.of("admin"))));
        String config = json(Map.of("attributes", attributes));
        return Map.of("name", "user-profile", "providerId", "declarative-user-profile",
                "subComponents", Map.of(), "config", Map.of("kc.user.profile.config", List.of(config)));
    }
}
