package io.groundbreak.kit.security.bearer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The identity provider whose access tokens a service accepts: {@code groundbreak.security.issuer} (the tokens'
 * {@code iss}, default the local stack's Keycloak realm) and {@code groundbreak.security.jwk-set-uri} (its signing
 * keys; default Keycloak's {@code {issuer}/protocol/openid-connect/certs}, so another provider sets it from its
 * {@code /.well-known/openid-configuration}'s {@code jwks_uri}). Given explicitly rather than discovered, so that
 * nothing is fetched before the first token arrives and a service starts while the provider is down.
 */
@ConfigurationProperties("groundbreak.security")
public record IdentityProviderProperties(String issuer, String jwkSetUri) {

    public static final String DEFAULT_ISSUER = "http://localhost:8180/realms/groundbreak";

    public IdentityProviderProperties {
        issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : stripTrailingSlash(issuer);
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
