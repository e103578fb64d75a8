package io.groundbreak.kit.security.bearer;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;

/**
 * The identity provider's signing keys: fetched at the first token and cached (Nimbus's JWKSourceBuilder: 5 minutes),
 * fetched again for a key id the cache does not have, but at most once per refetch interval (KeyRefetchProperties):
 * the fetch that opens an interval and one more within it. A token whose key is unknown while a refetch is refused
 * gets no key, so it is refused (401) like a token whose key is not in a fresh fetch either. Only when no keys are
 * at hand at all (the provider could not be reached) does the refusal stay "keys unavailable" (503).
 *
 * <p>The lookup is Nimbus's JWKSetBasedJWKSource.get (the cached keys, then one refetch when none matches) but for
 * the refused refetch, which Nimbus throws: Spring's decoder would answer that as "the provider is unavailable".
 */
final class ProviderKeys implements JWKSource<SecurityContext> {

    /** The provider answers its keys in milliseconds; a hung one holds a request thread 2 + 10 s at most. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final JWKSetSource<SecurityContext> keySets;

    ProviderKeys(String jwkSetUri, Duration refetchInterval) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) CONNECT_TIMEOUT.toMillis(),
                (int) READ_TIMEOUT.toMillis(), JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        // refresh-ahead off, as in Spring's own decoder: the keys are fetched on a request thread, no thread of their own
        JWKSource<SecurityContext> built = JWKSourceBuilder.<SecurityContext>create(url(jwkSetUri), retriever)
                .refreshAheadCache(false)
                .rateLimited(refetchInterval.toMillis())
                .build();
        // without a failover source the builder's JWK source is always this one
        this.keySets = ((JWKSetBasedJWKSource<SecurityContext>) built).getJWKSetSource();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = System.currentTimeMillis();
        JWKSet cached = keySets.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context);
        List<JWK> matching = selector.select(cached);
        if (!matching.isEmpty()) {
            return matching;
        }
        try {
            return selector.select(keySets.getJWKSet(JWKSetCacheRefreshEvaluator.referenceComparison(cached), now, context));
        } catch (RateLimitReachedException refetchRefused) {
            return List.of();
        }
    }

    private static URL url(String jwkSetUri) {
        try {
            return URI.create(jwkSetUri).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("groundbreak.security.jwk-set-uri is not a URL: " + jwkSetUri, e);
        }
    }
}
