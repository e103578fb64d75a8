package io.groundbreak.kit.security.bearer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.groundbreak.kit.reference.ReferenceDataAutoConfiguration;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The decoder against a JWK Set served by this test: what it accepts, what it refuses, that it fetches nothing before
 * the first token and fetches the keys again for a key it does not know, but at most once per refetch interval. The
 * same attacks against the real Keycloak: milestone-service's TokenAttacksIT and MadeUpKeyIdsIT.
 */
class BearerTokenAutoConfigurationTest {

    private static final String ISSUER = "http://provider.test/realms/groundbreak";

    /** The provider's keys; none while it is down (its certs endpoint answers 503). */
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private RSAKey key;

    @BeforeEach
    void serveKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("first").generate();
        published.set(new JWKSet(key.toPublicJWK()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            JWKSet keys = published.get();
            byte[] body = (keys == null ? "{}" : keys.toString()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(keys == null ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BearerTokenAutoConfiguration.class, ReferenceDataAutoConfiguration.class))
                .withPropertyValues("groundbreak.security.issuer=" + ISSUER,
                        "groundbreak.security.jwk-set-uri=http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of("groundbreak-services", "account"))
                .subject("f3b6a1c0").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", "d120116").claim("roles", List.of("DISTRICT", "offline_access"))
                .claim("district", "120116");
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    private void withDecoder(Consumer<JwtDecoder> test) {
        runner().run(context -> test.accept(context.getBean(JwtDecoder.class)));
    }

    @Test
    void aTokenOfTheProviderBecomesItsUserWithRoleAndDistrict() {
        withDecoder(decoder -> {
            Jwt jwt = decoder.decode(unchecked(() -> sign(key, claims().build())));
            var user = new TokenUsers(List.of("120116")).convert(jwt);
            assertThat(user.getName()).isEqualTo("d120116");
            assertThat(user.getAuthorities()).extracting(Object::toString)
                    .containsExactlyInAnyOrder("ROLE_DISTRICT", "DISTRICT_120116");
        });
    }

    @Test
    void nothingIsFetchedBeforeTheFirstTokenSoAServiceStartsWhileTheProviderIsDown() {
        server.stop(0);
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            // the provider still down: not a bad token (401) but a token that cannot be checked now (503)
            assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(sign(key, claims().build())))
                    .isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class);
        });
    }

    @Test
    void aKeyTheDecoderDoesNotKnowMakesItFetchTheKeysAgain() {
        withDecoder(decoder -> {
            decoder.decode(unchecked(() -> sign(key, claims().build())));
            RSAKey rotated = unchecked(() -> new RSAKeyGenerator(2048).keyID("second").generate());
            published.set(new JWKSet(List.of(rotated.toPublicJWK(), key.toPublicJWK())));
            int before = fetches.get();
            assertThat(decoder.decode(unchecked(() -> sign(rotated, claims().build()))).getClaimAsString("district"))
                    .isEqualTo("120116");
            assertThat(fetches.get()).isEqualTo(before + 1);
            decoder.decode(unchecked(() -> sign(key, claims().build())));
            assertThat(fetches.get()).as("a known key is served from the cache").isEqualTo(before + 1);
        });
    }

    @Test
    void tokensWithMadeUpKeyIdsAreRefusedAndFetchTheKeysAtMostOnceMoreWithinTheInterval() {
        withDecoder(decoder -> {
            decoder.decode(unchecked(() -> sign(key, claims().build())));
            RSAKey throwaway = unchecked(() -> new RSAKeyGenerator(2048).generate());
            for (int i = 0; i < 50; i++) {
                String madeUp = unchecked(() -> sign(new RSAKey.Builder(throwaway).keyID(UUID.randomUUID().toString())
                        .build(), claims().build()));
                assertThatThrownBy(() -> decoder.decode(madeUp)).isInstanceOf(BadJwtException.class);
            }
            assertThat(fetches.get()).as("the first fetch and one refetch within the default 30 s").isEqualTo(2);
            assertThat(decoder.decode(unchecked(() -> sign(key, claims().build()))).getClaimAsString("district"))
                    .isEqualTo("120116");
        });
    }

    @Test
    void aRotatedKeyIsAcceptedOnceTheRefetchIntervalSinceTheLastFetchHasPassed() {
        runner().withPropertyValues("groundbreak.security.jwks-refetch-interval=1s").run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            decoder.decode(sign(key, claims().build()));
            RSAKey madeUp = new RSAKeyGenerator(2048).keyID("made-up").generate();
            assertThatThrownBy(() -> decoder.decode(sign(madeUp, claims().build()))).isInstanceOf(BadJwtException.class);
            RSAKey rotated = new RSAKeyGenerator(2048).keyID("second").generate();
            published.set(new JWKSet(List.of(rotated.toPublicJWK(), key.toPublicJWK())));
            String signedByTheNewKey = sign(rotated, claims().build());
            await().atMost(Duration.ofSeconds(10)).ignoreException(BadJwtException.class).untilAsserted(() ->
                    assertThat(decoder.decode(signedByTheNewKey).getClaimAsString("district")).isEqualTo("120116"));
            assertThat(fetches.get()).as("the refused tries in between fetched nothing").isEqualTo(3);
        });
    }

    @Test
    void whileTheProviderCannotAnswerEveryTokenStaysUncheckableAndTheFetchesAreBoundedToo() {
        published.set(null);
        withDecoder(decoder -> {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> decoder.decode(sign(key, claims().build())))
                        .isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class);
            }
            assertThat(fetches.get()).isEqualTo(2);
        });
    }

    @Test
    void aRefetchIntervalTheCacheWouldOutliveStopsTheStart() {
        runner().withPropertyValues("groundbreak.security.jwks-refetch-interval=5m").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("jwks-refetch-interval"));
    }

    @Test
    void everyTokenThatIsNotAValidRs256TokenOfTheProviderForTheServicesIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("first").generate();
        Instant past = Instant.now().minusSeconds(600);
        Map<String, String> refused = Map.ofEntries(
                Map.entry("another issuer", sign(key, claims().issuer("http://provider.test/realms/elsewhere").build())),
                Map.entry("another audience", sign(key, claims().audience("account").build())),
                Map.entry("expired", sign(key, claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build())),
                Map.entry("no expiry", sign(key, claims().expirationTime(null).build())),
                Map.entry("signed by another key of the same kid", sign(stranger, claims().build())),
                Map.entry("alg none", new PlainJWT(claims().build()).serialize()),
                Map.entry("HS256 with the public key as secret", hmac(claims().build())),
                Map.entry("a district office without a known district", sign(key, claims().claim("district", "999999").build())),
                Map.entry("two Groundbreak roles", sign(key, claims().claim("roles", List.of("DISTRICT", "ADMIN")).build())),
                Map.entry("only roles of the provider itself", sign(key, claims().claim("roles", List.of("offline_access")).build())),
                Map.entry("no roles", sign(key, claims().claim("roles", null).build())),
                Map.entry("no user name", sign(key, claims().claim("preferred_username", null).build())));
        withDecoder(decoder -> refused.forEach((what, token) -> assertThatThrownBy(() -> decoder.decode(token))
                .as(what).isInstanceOf(BadJwtException.class)));
    }

    private String hmac(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("first").build(), claims);
        jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private interface Failing<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Failing<T> supplier) {
        try {
            return supplier.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
