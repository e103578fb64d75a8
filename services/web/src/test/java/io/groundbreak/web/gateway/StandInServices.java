package io.groundbreak.web.gateway;

import com.sun.net.httpserver.HttpExchange;
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
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app in front of stand-ins for milestone-service, funnel-service and audit-service that record what they
 * receive and answer as the test class says ({@link #answer}). Its subclasses share one Spring context: the stand-ins
 * stay up as long as that cached context, which points at them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
abstract class StandInServices {

    /** What a stand-in service received. */
    record Received(String service, String method, String pathAndQuery, String authorization, String body) {
    }

    /** A stand-in's answer; {@code location} null: no Location header. */
    record Answer(int status, String contentType, String body, String location) {

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, null);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile StandInServices current;
    private static final HttpServer MILESTONES = standIn("milestone-service");
    private static final HttpServer FUNNEL = standIn("funnel-service");
    private static final HttpServer AUDIT = standIn("audit-service");

    private static HttpServer standIn(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> record(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void record(String name, HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(name, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = current.answer(name, exchange.getRequestURI().getPath());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        if (answer.location() != null) {
            exchange.getResponseHeaders().add("Location", answer.location());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        WebDatabase.register(registry, "web_gateway");
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
        registry.add("groundbreak.web.services.milestone-service", () -> address(MILESTONES));
        registry.add("groundbreak.web.services.funnel-service", () -> address(FUNNEL));
        registry.add("groundbreak.web.services.audit-service", () -> address(AUDIT));
    }

    private static String address(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the stand-in {@code service} answers to a call at {@code path}. */
    abstract Answer answer(String service, String path);

    @LocalServerPort
    private int port;

    private final CookieManager cookies = ProviderSignIn.cookies();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    @BeforeEach
    void answerForThisTest() {
        current = this;
        RECEIVED.clear();
    }

    void logIn(String user) throws IOException, InterruptedException {
        ProviderSignIn.logIn(client, url("/"), user);
        get("/web/me"); // issues the CSRF cookie the pages echo
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of JSON with the CSRF token, as the pages send it. */
    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
