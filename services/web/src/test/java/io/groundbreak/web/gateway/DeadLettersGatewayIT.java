package io.groundbreak.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.ProviderSignIn;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import io.groundbreak.web.WebDatabase;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both services keep their dead letters under the same path; through the web app the browser names the
 * service, and each call reaches that service only, at its own path, with the user's own access token, the
 * query and the body, and its answer (problem+json included) comes back unchanged. The two services are
 * stand-ins that record what they receive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class DeadLettersGatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a stand-in service received. */
    record Received(String service, String method, String pathAndQuery, String authorization, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer FUNNEL = standIn("funnel-service");
    private static final HttpServer AUDIT = standIn("audit-service");

    private static HttpServer standIn(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new Received(name, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                boolean discard = exchange.getRequestURI().getPath().endsWith("/discard");
                byte[] answer = (discard
                        ? "{\"type\":\"urn:groundbreak:problem:already-reprocessed\",\"status\":409,\"detail\":\"" + name + " says no\"}"
                        : "{\"deadLetters\":[{\"id\":7,\"reason\":\"malformed\",\"status\":\"parked\",\"from\":\"" + name + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", discard ? "application/problem+json" : "application/json");
                exchange.sendResponseHeaders(discard ? 409 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        WebDatabase.register(registry, "web_gateway");
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
        registry.add("groundbreak.web.services.milestone-service", () -> "http://127.0.0.1:1");
        registry.add("groundbreak.web.services.funnel-service", () -> "http://127.0.0.1:" + FUNNEL.getAddress().getPort());
        registry.add("groundbreak.web.services.audit-service", () -> "http://127.0.0.1:" + AUDIT.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        FUNNEL.stop(0);
        AUDIT.stop(0);
    }

    @LocalServerPort
    private int port;

    private final CookieManager cookies = ProviderSignIn.cookies();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @Test
    void aListGoesToTheNamedServiceOnlyAtItsOwnPathWithTheQueryAndTheUsersToken() throws Exception {
        logIn("auditor");

        HttpResponse<String> funnel = get("/api/admin/funnel-service/dead-letters?status=all");
        HttpResponse<String> audit = get("/api/admin/audit-service/dead-letters/operations");
        HttpResponse<String> intake = get("/api/admin/audit-service/intake");

        assertThat(funnel.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(funnel.body()).get("deadLetters").get(0).get("from").asString()).isEqualTo("funnel-service");
        assertThat(JSON.readTree(audit.body()).get("deadLetters").get(0).get("from").asString()).isEqualTo("audit-service");
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery).containsExactly(
                tuple("funnel-service", "GET", "/api/admin/dead-letters?status=all"),
                tuple("audit-service", "GET", "/api/admin/dead-letters/operations"),
                tuple("audit-service", "GET", "/actuator/health/eventIntake"));
        assertThat(intake.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).allSatisfy(received -> assertThat(received.authorization())
                .as("the user's own access token, never a password").startsWith("Bearer ey"));
    }

    @Test
    void anAdminsDiscardCarriesItsReasonAndTheServicesRefusalComesBackUnchanged() throws Exception {
        logIn("admin");

        HttpResponse<String> discard = client.send(HttpRequest.newBuilder(url("/api/admin/audit-service/dead-letters/7/discard"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"a test record\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> reprocess = client.send(HttpRequest.newBuilder(
                        url("/api/admin/funnel-service/dead-letters/projects/0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11/reprocess"))
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(discard.statusCode()).isEqualTo(409);
        assertThat(discard.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(discard.body()).get("detail").asString()).isEqualTo("audit-service says no");
        assertThat(reprocess.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery, Received::body)
                .containsExactly(
                        tuple("audit-service", "POST", "/api/admin/dead-letters/7/discard",
                                "{\"reason\":\"a test record\"}"),
                        tuple("funnel-service", "POST",
                                "/api/admin/dead-letters/projects/0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11/reprocess", ""));
    }

    @Test
    void theAmbiguousPathAndOtherAdminPathsReachNoService() throws Exception {
        logIn("admin");

        HttpResponse<String> ambiguous = get("/api/admin/dead-letters");
        HttpResponse<String> other = get("/api/admin/funnel-service/rebuild");

        assertThat(ambiguous.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(ambiguous.body()).get("type").asString()).isEqualTo("urn:groundbreak:problem:no-such-endpoint");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(RECEIVED).isEmpty();
    }

    private void logIn(String user) throws IOException, InterruptedException {
        ProviderSignIn.logIn(client, url("/"), user);
        get("/web/me"); // issues the CSRF cookie the pages echo
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
