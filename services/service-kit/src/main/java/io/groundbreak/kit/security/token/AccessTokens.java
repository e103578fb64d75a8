package io.groundbreak.kit.security.token;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Short-lived signed access tokens (JWT, HS256): the web app signs one per call on behalf of its
 * logged-in user, so the services never see a password, and each service turns a token back into
 * the same user, role and district that HTTP Basic would give.
 */
public final class AccessTokens {

    static final String ISSUER = "groundbreak";
    static final String AUDIENCE = "groundbreak-services";
    static final String ROLE_CLAIM = "role";
    static final String DISTRICT_CLAIM = "district";
    /** Clocks of one machine or one cluster agree far better than the default minute. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final int MINIMUM_SECRET_BYTES = 32;

    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;
    private final Set<String> districtCodes;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;

    public AccessTokens(String secret, Duration ttl, Clock clock, Collection<String> districtCodes) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalStateException("groundbreak.security.token.secret must be at least "
                    + MINIMUM_SECRET_BYTES + " bytes long");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
        this.districtCodes = Set.copyOf(districtCodes);
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER),
                AccessTokens::expires, this::namesAGroundbreakUser));
    }

    /** A token for this user, valid for the configured time from now. */
    public String issue(CurrentUser user) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(user.name())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(ROLE_CLAIM, user.role().name());
        user.district().ifPresent(district -> claims.claim(DISTRICT_CLAIM, district));
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    /** The verified token's user as Spring Security sees a Basic user: ROLE_x, and DISTRICT_code for an office. */
    public AbstractAuthenticationToken authentication(Jwt jwt) {
        Role role = Role.valueOf(jwt.getClaimAsString(ROLE_CLAIM));
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority(role.authority())));
        if (role.isBoundToDistrict()) {
            authorities.add(new SimpleGrantedAuthority(CurrentUser.districtAuthority(jwt.getClaimAsString(DISTRICT_CLAIM))));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** Addressed to the services, for a named user of a known role; an office's district is a known one. */
    private OAuth2TokenValidatorResult namesAGroundbreakUser(Jwt jwt) {
        List<String> audience = jwt.getAudience();
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        boolean roleKnown = Arrays.stream(Role.values()).anyMatch(known -> known.name().equals(role));
        boolean districtKnown = !roleKnown || !Role.valueOf(role).isBoundToDistrict()
                || districtCodes.contains(jwt.getClaimAsString(DISTRICT_CLAIM));
        if (audience != null && audience.contains(AUDIENCE) && jwt.getSubject() != null && roleKnown && districtKnown) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "not a Groundbreak access token for a known user, role and district", null));
    }

    /** A token without an expiry would be valid forever: refused. */
    private static OAuth2TokenValidatorResult expires(Jwt jwt) {
        return jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token never expires", null));
    }
}
