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

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "audit");
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.destination", () -> TOPIC);
        // nothing listens on port 1: reconciliation's way to funnel-service is tested in infra/system-tests
        registry.add("groundbreak.funnel-service.url", () -> "http://127.0.0.1:1");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    private Environment environment;

    protected Http http;
    protected EventsTopic topic;
    private final HttpClient client = HttpClient.newHttpClient();

    /** A text answer: exports are not one JSON document. */
    protected record TextAnswer(int status, String contentType, String body) {

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

    /** Waits until the ledger holds every given event of each project. */
    protected void awaitLedger(List<List<EventEnvelope>> histories) {
        await().atMost(PROPAGATION).untilAsserted(() -> {
            for (List<EventEnvelope> history : histories) {
                Http.Answer answer = http.get("/api/audit/projects/" + history.get(0).subject() + "/history", "auditor");
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).hasSize(history.size());
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
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TextAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
