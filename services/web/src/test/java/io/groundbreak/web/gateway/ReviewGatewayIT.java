package io.groundbreak.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.ProviderSignIn;
import io.groundbreak.web.WebDatabase;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four eyes and duplicate decisions (issue 20) through the web app: a write above the review bounds is answered 202
 * by milestone-service, and that answer — status, body and its {@code Location}, a path of the same API — reaches the
 * browser unchanged, while an absolute Location (a service's own address) does not; a decision on a pair goes to
 * milestone-service and the queue of requests is read from funnel-service, query and all. Both services are stand-ins
 * that record what they receive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ReviewGatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROJECT = "0b6f7b2e-6c1a-4e53-9a43-2f4f1f0e9d11";
    private static final String REQUEST = "5e0c1d9a-2b7f-4a61-8d3e-6f1a2b3c4d5e";

    /** What a stand-in service received. */
    record Received(String service, String method, String pathAndQuery, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer MILESTONES = standIn("milestone-service");
    private static final HttpServer FUNNEL = standIn("funnel-service");

    /** Retractions are above the bounds (202 with a Location); a decision is 201 with an absolute Location. */
    private static HttpServer standIn(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                RECEIVED.add(new Received(name, exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
                int status = 200;
                String answer = "{\"requests\":[]}";
                if (path.endsWith("/retraction")) {
                    status = 202;
                    answer = "{\"requestId\":\"" + REQUEST + "\",\"eventId\":\"e1\",\"sequence\":3,\"status\":\"pending\"}";
                    exchange.getResponseHeaders().add("Location", "/api/projects/" + PROJECT + "/requests/" + REQUEST);
                } else if (path.endsWith("/decision")) {
                    status = 201;
                    answer = "{\"pairId\":\"p\",\"eventId\":\"e2\",\"sequence\":0}";
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:8081/api/duplicates/x");
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
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
        WebDatabase.register(registry, "web_review_gateway");
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
        registry.add("groundbreak.web.services.milestone-service", () -> "http://127.0.0.1:" + MILESTONES.getAddress().getPort());
        registry.add("groundbreak.web.services.funnel-service", () -> "http://127.0.0.1:" + FUNNEL.getAddress().getPort());
        registry.add("groundbreak.web.services.audit-service", () -> "http://127.0.0.1:1");
    }

    @AfterAll
    static void stop() {
        MILESTONES.stop(0);
        FUNNEL.stop(0);
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
    void aRequestForReviewComesBackAs202WithItsLocationAndTheQueueIsReadFromFunnelService() throws Exception {
        logIn("d120116");

        HttpResponse<String> retraction = post("/api/projects/" + PROJECT + "/milestones/LANDED/retraction",
                "{\"reason\":\"误报\"}");
        HttpResponse<String> queue = client.send(HttpRequest.newBuilder(url("/api/requests?status=pending&district=120116"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(retraction.statusCode()).isEqualTo(202);
        assertThat(retraction.headers().firstValue("Location")).contains("/api/projects/" + PROJECT + "/requests/" + REQUEST);
        JsonNode pending = JSON.readTree(retraction.body());
        assertThat(pending.get("requestId").asString()).isEqualTo(REQUEST);
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery).containsExactly(
                tuple("milestone-service", "POST", "/api/projects/" + PROJECT + "/milestones/LANDED/retraction"),
                tuple("funnel-service", "GET", "/api/requests?status=pending&district=120116"));
    }

    @Test
    void aDecisionAndAnApprovalGoToMilestoneServiceAndNoServicesAddressReachesTheBrowser() throws Exception {
        logIn("admin");
        String pair = PROJECT + "~7d1e2f3a-0000-4e53-9a43-2f4f1f0e9d12";

        HttpResponse<String> decision = post("/api/duplicates/" + pair + "/decision",
                "{\"decision\":\"same\",\"primaryProjectId\":\"" + PROJECT + "\",\"reason\":\"同一投资方同一项目\"}");
        HttpResponse<String> approval = post("/api/projects/" + PROJECT + "/requests/" + REQUEST + "/approval", "{}");

        assertThat(decision.statusCode()).isEqualTo(201);
        assertThat(decision.headers().firstValue("Location")).as("the service's own address").isEmpty();
        assertThat(JSON.readTree(decision.body()).get("eventId").asString()).isEqualTo("e2");
        assertThat(approval.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).extracting(Received::service, Received::method, Received::pathAndQuery, Received::body)
                .containsExactly(
                        tuple("milestone-service", "POST", "/api/duplicates/" + pair + "/decision",
                                "{\"decision\":\"same\",\"primaryProjectId\":\"" + PROJECT + "\",\"reason\":\"同一投资方同一项目\"}"),
                        tuple("milestone-service", "POST", "/api/projects/" + PROJECT + "/requests/" + REQUEST + "/approval", "{}"));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void logIn(String user) throws IOException, InterruptedException {
        ProviderSignIn.logIn(client, url("/"), user);
        // issues the CSRF cookie the pages echo
        client.send(HttpRequest.newBuilder(url("/web/me")).build(), HttpResponse.BodyHandlers.discarding());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
