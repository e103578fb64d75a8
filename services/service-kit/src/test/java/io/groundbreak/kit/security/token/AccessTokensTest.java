package io.groundbreak.kit.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtException;

class AccessTokensTest {

    private static final String SECRET = "a-test-secret-of-more-than-thirty-two-bytes";
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private static final List<String> DISTRICTS = List.of("120101", "120116");
    private static final CurrentUser OFFICE = new CurrentUser("d120116", Role.DISTRICT, Optional.of("120116"));

    private static AccessTokens at(Instant instant, String secret) {
        return new AccessTokens(secret, Duration.ofMinutes(5), Clock.fixed(instant, ZoneOffset.UTC), DISTRICTS);
    }

    @Test
    void aTokenTurnsBackIntoTheSameUserRoleAndDistrict() {
        AccessTokens tokens = at(NOW, SECRET);
        Authentication user = tokens.authentication(tokens.decoder().decode(tokens.issue(OFFICE)));
        assertThat(user.getName()).isEqualTo("d120116");
        assertThat(CurrentUser.of(user)).isEqualTo(OFFICE);
        CurrentUser leader = new CurrentUser("leader", Role.LEADER, Optional.empty());
        assertThat(CurrentUser.of(tokens.authentication(tokens.decoder().decode(tokens.issue(leader))))).isEqualTo(leader);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = at(NOW, "another-secret-of-more-than-thirty-two-bytes").issue(OFFICE);
        assertThatThrownBy(() -> at(NOW, SECRET).decoder().decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenIsRefusedOnceItsTimeIsUpButNotBefore() {
        String token = at(NOW, SECRET).issue(OFFICE);
        assertThat(at(NOW.plus(Duration.ofMinutes(5)), SECRET).decoder().decode(token).getSubject()).isEqualTo("d120116");
        assertThatThrownBy(() -> at(NOW.plus(Duration.ofMinutes(5)).plusSeconds(6), SECRET).decoder().decode(token))
                .isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
        String[] parts = at(NOW, SECRET).issue(OFFICE).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"DISTRICT\"", "\"ADMIN\"");
        assertThat(promoted).isNotEqualTo(claims);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> at(NOW, SECRET).decoder().decode(tampered)).isInstanceOf(JwtException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = at(NOW, SECRET).issue(OFFICE).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> at(NOW, SECRET).decoder().decode(none + "." + parts[1] + "."))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void anOfficeTokenForADistrictOutsideTheReferenceDataIsRefused() {
        String token = at(NOW, SECRET).issue(new CurrentUser("d999999", Role.DISTRICT, Optional.of("999999")));
        assertThatThrownBy(() -> at(NOW, SECRET).decoder().decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> at(NOW, "too-short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
