package io.groundbreak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.EventsTopic;
import io.groundbreak.testsupport.http.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context every integration test of the module shares: a real broker and a throwaway
 * database, the service on a random port, a topic of its own. Each test class uses projects of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuditIT {

    /** A topic of its own, so that a shared broker's earlier records never reach this run's database. */
    protected static final String TOPIC = CloudEventHeaders.TOPIC + ".it-" + UUID.randomUUID();
    protected static final Duration PROPAGATION = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * milestone-service's and funnel-service's {@code GET /api/admin/heads}, served by a real HTTP server of the
     * test (the other services are not part of this module): what each says is up to the test.
     */
    protected static final HeadsServer HEADS = HeadsServer.start();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "audit");
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.destination", () -> TOPIC);
        // funnel-service's /api/funnel is not served: reconciliation's way to it is tested in infra/system-tests;
        // its /api/admin/heads is
        registry.add("groundbreak.funnel-service.url", HEADS::funnelUrl);
        registry.add("groundbreak.milestone-service.url", HEADS::milestoneUrl);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    private Environment environment;

    protected Http http;
    protected EventsTopic topic;
    private final HttpClient client = HttpClient.newHttpClient();

    /** A text answer: exports are not one JSON document. */
    protected record TextAnswer(int status, String contentType, String body, String retryAfter) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The fields a 400 problem names. */
        public List<String> invalidFields() {
            List<String> fields = new ArrayList<>();
            json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
            return fields;
        }
    }

    @BeforeAll
    void connect() {
        http = new Http(port);
        topic = new EventsTopic(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC);
    }

    @AfterAll
    void closeTopic() {
        topic.close();
    }

    protected TextAnswer get(String path, String user) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    protected TextAnswer post(String path, String user) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), user);
    }

    protected TextAnswer postJson(String path, String user, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    /** The dead letters of a project ({@code status=all}) as the admin API lists them. */
    protected List<JsonNode> deadLettersOf(Object projectId) {
        List<JsonNode> letters = new ArrayList<>();
        TextAnswer answer = get("/api/admin/dead-letters?status=all", "auditor");
        assertThat(answer.status()).isEqualTo(200);
        answer.json().get("deadLetters").forEach(letter -> {
            if (letter.path("projectId").asString("").equals(projectId.toString())) {
                letters.add(letter);
            }
        });
        return letters;
    }

    /** A connection to the server's maintenance database, for what must not run inside the test database. */
    protected Connection maintenance() throws SQLException {
        String url = environment.getProperty("spring.datasource.url");
        return DriverManager.getConnection(url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
    }

    /** The test database's name. */
    protected String databaseName() {
        return environment.getProperty("spring.datasource.url").replaceFirst("jdbc:postgresql://[^/]+/([^?]*).*", "$1");
    }

    /** Waits until the ledger holds every given event of each project. */
    protected void awaitLedger(List<List<EventEnvelope>> histories) {
        await().atMost(PROPAGATION).untilAsserted(() -> {
            for (List<EventEnvelope> history : histories) {
                Http.Answer answer = http.get("/api/audit/projects/" + history.get(0).subject() + "/history", "auditor");
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body().get("events")).hasSize(history.size());
            }
        });
    }

    /** The test database as its owner (a superuser), without the service's SET ROLE: what a DBA could do. */
    protected Connection superuser() throws SQLException {
        return DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** @param user null for no credentials; the local users' password is {@code <user>-dev} */
    private TextAnswer send(HttpRequest.Builder request, String user) {
        return exchange(request, user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
    }

    /** A request with this Authorization header (e.g. {@code Bearer <token>}), JSON when it has a body. */
    protected TextAnswer authorized(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return exchange(request, authorization);
    }

    private TextAnswer exchange(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TextAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
