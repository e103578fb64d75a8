package io.groundbreak.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.EventsTopic;
import io.groundbreak.testsupport.http.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every integration test of the module shares: one Spring context (so one database and one topic
 * of its own, on a real broker) and the record of every event the tests published, in order, which
 * {@code FunnelModel} replays to know what the service must answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public abstract class FunnelServiceTestBase {

    /** A topic of its own, so that a shared broker's earlier records never reach this run's database. */
    protected static final String TOPIC = CloudEventHeaders.TOPIC + ".it-" + UUID.randomUUID();
    protected static final Duration PROPAGATION = Duration.ofSeconds(30);

    /**
     * The districts of the hand-made scenarios (one class each, or two), which check exact figures of
     * their districts; the random histories of FunnelPropertiesIT stay out of them.
     */
    protected static final List<String> HAND_MADE_DISTRICTS = List.of(
            "120101", "120102", "120103", "120104", "120105", "120106", "120116", "120110", "120111");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<EventEnvelope> PUBLISHED = Collections.synchronizedList(new ArrayList<>());
    private static EventsTopic topic;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "funnel");
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.destination", () -> TOPIC);
        // a fold this small writes projects early in every rebuild of these tests: their later events then go through
        // the live projection, and RebuildFoldIT checks that the tables come out the same
        registry.add("groundbreak.funnel.rebuild.fold-projects", () -> "8");
    }

    @LocalServerPort
    protected int port;

    @Value("${spring.datasource.url}")
    private String databaseUrl;

    @Value("${spring.datasource.username}")
    private String databaseUser;

    @Value("${spring.datasource.password}")
    private String databasePassword;

    private Http http;

    protected Http http() {
        if (http == null) {
            http = new Http(port);
        }
        return http;
    }

    /** A session of its own on this context's database, outside the service's pool. */
    protected Connection ownSession() throws SQLException {
        return DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
    }

    protected static synchronized EventsTopic topic() {
        if (topic == null) {
            topic = new EventsTopic(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC);
            Runtime.getRuntime().addShutdownHook(new Thread(topic::close));
        }
        return topic;
    }

    /** Sends the events in order, and remembers them for the model. */
    protected static void publish(EventEnvelope... envelopes) {
        synchronized (PUBLISHED) {
            topic().send(envelopes);
            PUBLISHED.addAll(List.of(envelopes));
        }
    }

    /**
     * Tells the model about events that reached the read model some other way than in topic order (sent straight
     * to the topic, then released from the dead letters), in the order they were applied.
     */
    protected static void remember(EventEnvelope... envelopes) {
        synchronized (PUBLISHED) {
            PUBLISHED.addAll(List.of(envelopes));
        }
    }

    protected static List<EventEnvelope> published() {
        synchronized (PUBLISHED) {
            return List.copyOf(PUBLISHED);
        }
    }

    /** POSTs {@code json} (null for no body) as {@code user} (null for anonymous); the answer's body parsed if any. */
    protected Http.Answer post(String path, String user, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode get(String path, String user) {
        Http.Answer answer = http().get(path, user);
        assertThat(answer.status()).as("GET %s as %s: %s", path, user, answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** Each stage as "STAGE reached/current/lost reachedInvestment/currentInvestment". */
    protected static List<String> stages(JsonNode funnel) {
        List<String> stages = new ArrayList<>();
        funnel.get("stages").forEach(stage -> stages.add(stage.get("stage").asString() + " "
                + stage.get("reached").asLong() + "/" + stage.get("current").asLong() + "/" + stage.get("lost").asLong()
                + " " + stage.get("reachedInvestmentCny").asString() + "/" + stage.get("currentInvestmentCny").asString()));
        return stages;
    }

    /** {@link #stages} then {@link #conversions}, as {@code FunnelModel.funnel} gives them. */
    protected static List<String> funnelLines(JsonNode funnel) {
        List<String> lines = new ArrayList<>(stages(funnel));
        lines.addAll(conversions(funnel));
        return lines;
    }

    protected static List<String> conversions(JsonNode funnel) {
        List<String> conversions = new ArrayList<>();
        funnel.get("conversions").forEach(conversion -> conversions.add(conversion.get("from").asString() + ">"
                + conversion.get("to").asString() + " "
                + (conversion.get("rate").isNull() ? "null" : Double.toString(conversion.get("rate").asDouble()))));
        return conversions;
    }

    /**
     * Each cohort period as "FROM>TO period [start..end] projects w90/w180/w365 closed90/closed180/closed365
     * reached/waiting/lost", without the span ({@code withSpan} false) as {@code FunnelModel.cohorts} writes them.
     */
    protected static List<String> cohortLines(JsonNode answer, boolean withSpan) {
        List<String> lines = new ArrayList<>();
        answer.get("transitions").forEach(transition -> transition.get("periods").forEach(period -> {
            JsonNode within = period.get("within");
            String span = withSpan ? period.get("start").asString() + ".." + period.get("end").asString() + " " : "";
            lines.add(transition.get("from").asString() + ">" + transition.get("to").asString() + " "
                    + period.get("period").asString() + " " + span + period.get("projects").asLong() + " "
                    + within.get(0).get("reached").asLong() + "/" + within.get(1).get("reached").asLong() + "/"
                    + within.get(2).get("reached").asLong() + " " + within.get(0).get("closed").asBoolean() + "/"
                    + within.get(1).get("closed").asBoolean() + "/" + within.get(2).get("closed").asBoolean() + " "
                    + period.get("reached").asLong() + "/" + period.get("waiting").asLong() + "/"
                    + period.get("lost").asLong());
        }));
        return lines;
    }

    protected static ProjectRegistered registered(ProjectId id, String district, String chain, String plannedCny) {
        return new ProjectRegistered(id, "GB-" + id.toString().substring(0, 8), "Project " + id, district, chain,
                "Investor Ltd.", new BigDecimal(plannedCny), null);
    }

    /**
     * The events as the binding hands one poll of their records to the consumer function (batch mode: the payloads
     * in a list, each record's headers in {@code kafka_batchConvertedHeaders}).
     */
    protected static Message<List<byte[]>> asDelivered(EventEnvelope... envelopes) {
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (EventEnvelope envelope : envelopes) {
            payloads.add(EventCodec.toJsonBytes(envelope.data()));
            Map<String, Object> recordHeaders = new LinkedHashMap<>();
            CloudEventHeaders.of(envelope).forEach((name, value) -> recordHeaders.put(name, value.getBytes(StandardCharsets.UTF_8)));
            headers.add(recordHeaders);
        }
        return MessageBuilder.withPayload(payloads).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(KafkaHeaders.OFFSET, Collections.nCopies(envelopes.length, -1L)).build();
    }

    protected static MilestoneRecorded milestone(ProjectId id, Stage stage, String effectiveDate) {
        return new MilestoneRecorded(id, stage, LocalDate.parse(effectiveDate), null, null);
    }
}
