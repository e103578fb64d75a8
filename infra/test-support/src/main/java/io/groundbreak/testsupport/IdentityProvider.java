package io.groundbreak.testsupport;

import io.groundbreak.keycloak.KeycloakAdmin;
import io.groundbreak.keycloak.Realms;
import io.groundbreak.reference.ReferenceData;
import java.net.URI;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' Keycloak ({@link TestInfrastructure#identityProvider()}): realm {@code groundbreak} as infra/local.sh
 * imports it (any web redirect URI allowed), and realm {@code elsewhere} with the same users under another issuer.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.get().registerSpringProperties(registry, "milestones");
 *     TestInfrastructure.get().identityProvider().registerIssuer(registry);
 * }
 * }</pre>
 */
public final class IdentityProvider {

    /** The master realm's administrator the tests' Keycloak is started with. */
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin-dev";

    private final KeycloakAdmin admin;
    private final List<String> districts = ReferenceData.loadDefault().districtCodes();
    private boolean elsewhereImported;

    private IdentityProvider(KeycloakAdmin admin) {
        this.admin = admin;
    }

    /** Imports realm {@code groundbreak} (the reference data's districts) into a server that has none yet. */
    static IdentityProvider onServer(URI baseUrl) {
        IdentityProvider provider = new IdentityProvider(new KeycloakAdmin(baseUrl, ADMIN_USER, ADMIN_PASSWORD));
        provider.importRealm(Realms.GROUNDBREAK);
        return provider;
    }

    private void importRealm(String realm) {
        admin.importIfAbsent(Realms.realm(realm, districts, List.of("*")));
    }

    /** {@code http://localhost:PORT}. */
    public URI baseUrl() {
        return admin.baseUrl();
    }

    /** {@code http://localhost:PORT/realms/groundbreak}: what the services and the web app trust. */
    public String issuer() {
        return admin.issuer(Realms.GROUNDBREAK);
    }

    /** An access token of {@code user} (leader, d120116, r120116, …; password {@code {user}-dev}) via groundbreak-cli. */
    public String passwordToken(String user) {
        return admin.passwordToken(Realms.GROUNDBREAK, user);
    }

    /** An access token of the machine client {@code district-{code}} (client credentials). */
    public String clientToken(String districtCode) {
        return admin.clientToken(Realms.GROUNDBREAK, districtCode);
    }

    /** An access token of the master realm's administrator, for Keycloak's admin REST API at {@link #baseUrl()}. */
    public String adminToken() {
        return admin.adminToken();
    }

    /** Adds a new RS256 key of a higher priority: tokens issued from now on have another {@code kid}; old ones still verify. */
    public void rotateKeys() {
        admin.rotateKeys(Realms.GROUNDBREAK);
    }

    /** A token of {@code user} from realm {@code elsewhere}: the same server and claims, another issuer and keys. */
    public synchronized String otherRealmToken(String user) {
        // imported on first use: most test JVMs never ask (~5 s saved there)
        if (!elsewhereImported) {
            importRealm(Realms.ELSEWHERE);
            elsewhereImported = true;
        }
        return admin.passwordToken(Realms.ELSEWHERE, user);
    }

    /** Sets {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code groundbreak.security.issuer}. */
    public void registerIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", this::issuer);
        registry.add("groundbreak.security.issuer", this::issuer);
    }
}
