package io.groundbreak.kit.security.bearer;

import io.groundbreak.reference.ReferenceData;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Every service is an OAuth2 resource server of the identity provider (IdentityProviderProperties): it accepts an
 * access token signed with RS256 by one of the provider's keys, issued by it, addressed to
 * {@value #AUDIENCE} and valid now. The keys are fetched on the first token and cached; a token signed with a key
 * not in the cache (the provider rotated its keys) makes the decoder fetch them again, so no restart is needed.
 * Before Spring Boot's resource server and user details configurations, which step back for this decoder.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@EnableConfigurationProperties(IdentityProviderProperties.class)
public class BearerTokenAutoConfiguration {

    /** The audience every Groundbreak service accepts (the provider adds it to the tokens of its clients). */
    public static final String AUDIENCE = "groundbreak-services";
    /** The provider runs on other machines; NTP keeps clocks far closer than this. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Bean
    TokenUsers tokenUsers(ReferenceData referenceData) {
        return new TokenUsers(referenceData.districtCodes());
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(IdentityProviderProperties provider, TokenUsers users) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(provider.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(provider.issuer()), new JwtAudienceValidator(AUDIENCE),
                BearerTokenAutoConfiguration::expires, users));
        return decoder;
    }

    /** A token without an expiry would be valid forever (the timestamp validator lets it pass). */
    private static OAuth2TokenValidatorResult expires(Jwt jwt) {
        return jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token never expires", null));
    }
}
