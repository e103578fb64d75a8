package io.groundbreak.web.signin;

import io.groundbreak.kit.security.bearer.TokenUsers;
import java.net.URI;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The city's OpenID Connect provider (a Keycloak realm; service-kit's {@code groundbreak.security.issuer} and
 * {@code .jwk-set-uri}, as the services trust it): its endpoints are derived from the issuer instead of being
 * discovered, so that the web app starts while the provider is still starting; the signing keys are fetched at the
 * first sign-in.
 */
public record IdentityProvider(String issuer, String jwkSetUri, String clientId) {

    /** The registration's id: the sign-in starts at {@code /oauth2/authorization/keycloak}. */
    public static final String REGISTRATION_ID = "keycloak";
    public static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    /** Scheme, host and port: where the login form and the provider's logout live (the CSP's form-action). */
    public String origin() {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** A public client (no secret in a web app's configuration), authorization code with PKCE. */
    public ClientRegistration registration() {
        String endpoints = issuer + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(endpoints + "/auth")
                .tokenUri(endpoints + "/token")
                .jwkSetUri(jwkSetUri)
                // no user-info endpoint: the id token carries every claim the app reads (one round trip less)
                .userNameAttributeName(TokenUsers.NAME_CLAIM)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
                .clientName("Groundbreak")
                .build();
    }

}
