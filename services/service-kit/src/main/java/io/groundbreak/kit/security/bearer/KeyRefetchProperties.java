package io.groundbreak.kit.security.bearer;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a service may fetch the identity provider's keys again for tokens signed by a key it does not have:
 * {@code groundbreak.security.jwks-refetch-interval} (default 30 s, Nimbus's own). A refetch within the interval
 * since the last fetch is refused, so tokens with made-up key ids ({@code kid}) cannot make a service flood the
 * provider; a rotated key is therefore seen within one interval. Shorter than the 5 minutes the keys are cached.
 */
@ConfigurationProperties("groundbreak.security")
public record KeyRefetchProperties(Duration jwksRefetchInterval) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL);
    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMillis(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE);

    public KeyRefetchProperties {
        jwksRefetchInterval = jwksRefetchInterval == null ? DEFAULT_INTERVAL : jwksRefetchInterval;
        if (jwksRefetchInterval.isNegative() || jwksRefetchInterval.isZero()
                || jwksRefetchInterval.compareTo(CACHE_TIME_TO_LIVE) >= 0) {
            throw new IllegalArgumentException("groundbreak.security.jwks-refetch-interval must be more than 0 and less "
                    + "than the " + CACHE_TIME_TO_LIVE + " the keys are cached: " + jwksRefetchInterval);
        }
    }
}
