package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.groundbreak.kit.security.bearer.KeyRefetchProperties;
import io.groundbreak.testsupport.IdentityProvider;
import io.groundbreak.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A flood of tokens whose key ids ({@code kid}) the identity provider never had, against the real Keycloak: each is
 * refused (401), and the service fetches the provider's keys at most once more within the refetch interval instead of
 * once per token, so such a flood neither reaches Keycloak nor holds request threads on fetches. The service reaches
 * the realm's certs endpoint through a forwarder of this test that counts the fetches.
 */
class MadeUpKeyIdsIT extends ServiceTestBase {

    private static final IdentityProvider PROVIDER = TestInfrastructure.get().identityProvider();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final HttpServer CERTS = countingForwarderToTheRealmsCerts();

    @Autowired
    private KeyRefetchProperties refetch;

    @DynamicPropertySource
    static void keysThroughTheForwarder(DynamicPropertyRegistry registry) {
        registry.add("groundbreak.security.jwk-set-uri",
                () -> "http://127.0.0.1:" + CERTS.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stopForwarder() {
        CERTS.stop(0);
    }

    @Test
    void tokensWithMadeUpKeyIdsAreRefusedWithoutAFetchOfTheKeysForEachAndAValidTokenIsStillAccepted() throws Exception {
        RSAKey throwaway = new RSAKeyGenerator(2048).generate();
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            String madeUp = CraftedTokens.signed(new RSAKey.Builder(throwaway).keyID("made-up-" + i).build(),
                    CraftedTokens.districtOfficeClaims(PROVIDER.issuer()));
            HttpResponse<String> answer = registerWith(madeUp);
            assertProblem(answer, 401, "unauthenticated");
            assertThat(answer.headers().allValues("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the flood took less than one refetch interval")
                .isLessThan(refetch.jwksRefetchInterval());
        assertThat(FETCHES.get()).as("the first fetch and at most one refetch").isLessThanOrEqualTo(2);

        HttpResponse<String> valid = registerWith(PROVIDER.passwordToken("d120116"));
        assertThat(valid.statusCode()).as(valid.body()).isEqualTo(201);
        assertThat(FETCHES.get()).as("its key was among those fetched").isLessThanOrEqualTo(2);
    }

    private HttpResponse<String> registerWith(String token) {
        return post(null, "/api/projects", registration("120116", "TJ-" + UUID.randomUUID()),
                Map.of("Authorization", "Bearer " + token));
    }

    private static HttpServer countingForwarderToTheRealmsCerts() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", exchange -> {
                FETCHES.incrementAndGet();
                HttpResponse<byte[]> certs = certs();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(certs.statusCode(), certs.body().length);
                exchange.getResponseBody().write(certs.body());
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> certs() throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(PROVIDER.issuer() + "/protocol/openid-connect/certs")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
