package io.groundbreak.kit.security.bearer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.groundbreak.reference.ReferenceData;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
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
 * not in the cache (the provider rotated its keys) makes the decoder fetch them again, so no restart is needed, but
 * at most once per refetch interval (ProviderKeys, KeyRefetchProperties). Built on Nimbus directly because Spring's
 * {@code NimbusJwtDecoder.withJwkSetUri} turns that rate limit off: each token with a made-up key id would fetch the
 * keys again. Before Spring Boot's resource server and user details configurations, which step back for this decoder.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@EnableConfigurationProperties({IdentityProviderProperties.class, KeyRefetchProperties.class})
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
    JwtDecoder jwtDecoder(IdentityProviderProperties provider, KeyRefetchProperties refetch, TokenUsers users) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ProviderKeys(provider.jwkSetUri(), refetch.jwksRefetchInterval())));
        // as in Spring's withJwkSetUri: typ and claims are left to the validators below (Nimbus's own would check
        // the expiry with another clock skew)
        processor.setJWSTypeVerifier((header, context) -> {
        });
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
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
