package io.groundbreak.audit.completeness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.groundbreak.audit.outbound.ServiceCredentials;
import io.groundbreak.kit.security.bearer.IdentityProviderProperties;
import io.groundbreak.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * audit-service's calls to the other services carry the access token of its client {@code groundbreak-audit},
 * obtained by client credentials from the real Keycloak of infra/test-support: a service account with role
 * AUDITOR, for the services' audience. A local HTTP server stands in for milestone-service and shows the header.
 */
class ServiceTokenIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer milestoneService;

    @BeforeEach
    void startMilestoneService() throws IOException {
        milestoneService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        milestoneService.createContext("/api/admin/heads", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        milestoneService.start();
    }

    @AfterEach
    void stopMilestoneService() {
        milestoneService.stop(0);
    }

    @Test
    void callsCarryTheAuditClientsTokenWithRoleAuditor() {
        String issuer = TestInfrastructure.get().identityProvider().issuer();
        HeadsClient heads = heads(new ServiceCredentials(new IdentityProviderProperties(issuer, null),
                "groundbreak-audit", "groundbreak-audit-dev"));

        assertThatThrownBy(heads::milestoneHeads).isInstanceOf(HeadsUnavailable.class);
        assertThatThrownBy(heads::milestoneHeads).isInstanceOf(HeadsUnavailable.class);

        assertThat(authorizations).hasSize(2).allSatisfy(header -> assertThat(header).startsWith("Bearer "));
        // kept while valid: not one token request per call
        assertThat(authorizations.get(1)).isEqualTo(authorizations.get(0));
        JsonNode claims = claims(authorizations.get(0).substring("Bearer ".length()));
        assertThat(claims.get("iss").asString()).isEqualTo(issuer);
        assertThat(claims.get("preferred_username").asString()).isEqualTo("service-account-groundbreak-audit");
        assertThat(claims.get("roles").values()).extracting(JsonNode::asString).containsExactly("AUDITOR");
        assertThat(claims.get("aud").toString()).contains("groundbreak-services");
    }

    @Test
    void aRefusedClientIsAnUnavailableSourceAndNothingIsSent() {
        String issuer = TestInfrastructure.get().identityProvider().issuer();
        HeadsClient heads = heads(new ServiceCredentials(new IdentityProviderProperties(issuer, null),
                "groundbreak-audit", "wrong-secret"));

        assertThatThrownBy(heads::milestoneHeads).isInstanceOf(HeadsUnavailable.class)
                .hasMessageContaining("groundbreak-audit");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void withoutAClientTheConfiguredUserGoesByBasic() {
        HeadsClient heads = heads(new ServiceCredentials(new IdentityProviderProperties(null, null), "", ""));

        assertThatThrownBy(heads::milestoneHeads).isInstanceOf(HeadsUnavailable.class);

        assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder()
                .encodeToString("auditor:auditor-dev".getBytes(StandardCharsets.UTF_8)));
    }

    private HeadsClient heads(ServiceCredentials credentials) {
        String url = "http://127.0.0.1:" + milestoneService.getAddress().getPort();
        return new HeadsClient(url, "auditor", "auditor-dev", url, "auditor", "auditor-dev", credentials, JSON);
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
