package io.groundbreak.kit.security.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code groundbreak.security.token.secret}: the HMAC key (at least 32 bytes) shared by the web app,
 * which signs access tokens, and the services, which verify them; {@code .ttl}: how long a token is
 * valid (default five minutes). Without a secret, a service accepts HTTP Basic only.
 */
@ConfigurationProperties("groundbreak.security.token")
public record AccessTokenProperties(String secret, Duration ttl) {

    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    public AccessTokenProperties {
        ttl = ttl == null ? DEFAULT_TTL : ttl;
    }
}
