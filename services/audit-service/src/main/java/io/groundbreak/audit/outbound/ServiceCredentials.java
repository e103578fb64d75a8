package io.groundbreak.audit.outbound;

import io.groundbreak.kit.security.bearer.IdentityProviderProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * How audit-service identifies itself to milestone-service and funnel-service. With
 * {@code groundbreak.security.client.id}/{@code .secret} set: a bearer access token of that client, obtained by client
 * credentials at the issuer's token endpoint ({@code {issuer}/protocol/openid-connect/token}, as Keycloak names it)
 * and kept until it expires, then obtained again. Otherwise HTTP Basic with the service's configured user, which the
 * services accept in profile {@code local} only (the tests, the local stack), or nothing without a user.
 */
@Component
public class ServiceCredentials {

    private static final String REGISTRATION = "groundbreak-services";

    private final String clientId;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager tokens;

    public ServiceCredentials(IdentityProviderProperties provider,
                              @Value("${groundbreak.security.client.id:}") String clientId,
                              @Value("${groundbreak.security.client.secret:}") String secret) {
        this.clientId = clientId;
        this.tokens = clientId.isBlank() ? null : manager(provider.issuer(), clientId, secret);
    }

    private static AuthorizedClientServiceOAuth2AuthorizedClientManager manager(String issuer, String clientId,
                                                                               String secret) {
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
                ClientRegistration.withRegistrationId(REGISTRATION)
                        .clientId(clientId).clientSecret(secret)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenUri(issuer + "/protocol/openid-connect/token")
                        .build());
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                        new InMemoryOAuth2AuthorizedClientService(registrations));
        // a token within a minute of its expiry is obtained again (the client-credentials provider's clock skew, 60 s)
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    /**
     * The {@code Authorization} header of a call to another service, or null when none is configured.
     *
     * @param user     the Basic user used without a client ({@code groundbreak.milestone-service.user}, …)
     * @param password its password
     * @throws IOException when the identity provider does not give a token (unreachable, client refused)
     */
    public String authorization(String user, String password) throws IOException {
        if (tokens != null) {
            return "Bearer " + accessToken();
        }
        return user.isBlank() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String accessToken() throws IOException {
        try {
            OAuth2AuthorizedClient client = tokens.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(clientId).build());
            if (client == null) {
                throw new IOException("no access token for client " + clientId);
            }
            return client.getAccessToken().getTokenValue();
        } catch (RuntimeException e) {
            // the provider unreachable or the client refused: the call cannot be made, like an unreachable service
            throw new IOException("access token of client " + clientId + ": " + e.getMessage(), e);
        }
    }
}
