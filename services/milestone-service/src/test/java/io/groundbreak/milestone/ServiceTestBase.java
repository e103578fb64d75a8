package io.groundbreak.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every integration test of the module shares: one Spring context (the same configuration in
 * every subclass, so Spring's test context cache starts it once) on a real PostgreSQL and Kafka, and
 * HTTP helpers as the local users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a send to a stopped broker fails within seconds, not half a minute (PublisherOutageIT)
        "spring.kafka.producer.properties.request.timeout.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=5000",
        "spring.kafka.producer.properties.max.block.ms=3000",
        "groundbreak.publisher.ack-timeout=PT8S"})
@ActiveProfiles("local")
public abstract class ServiceTestBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "milestones");
        TestInfrastructure.get().identityProvider().registerIssuer(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;

    protected static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    protected static String tomorrow() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    }

    protected long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    protected long eventCount(String projectId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(projectId).query(Long.class).single();
    }

    /** Registers a project of the user's district ({@code d<code>}) and returns its id. */
    protected String registerProject(String district) {
        HttpResponse<String> response = post("d" + district, "/api/projects", registration(district, "TJ-" + UUID.randomUUID()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("projectId").asString();
    }

    protected static String registration(String district, String code) {
        return """
                {"code":"%s","name":"动力电池基地","district":"%s","chain":"new-energy",
                 "investor":"某某新能源集团","plannedInvestmentCny":"1500000000.00"}
                """.formatted(code, district);
    }

    protected HttpResponse<String> post(String user, String path, String body) {
        return post(user, path, body, Map.of());
    }

    /** POST as a local user (password {@code <user>-dev}), or anonymously when user is null. */
    protected HttpResponse<String> post(String user, String path, String body, Map<String, String> headers) {
        return send(port, user, path, body, headers);
    }

    protected static HttpResponse<String> send(int port, String user, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-dev").getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the tasks at once, each on its own thread released by one latch, and returns their results in order. */
    protected static <T> List<T> concurrently(List<Supplier<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> running = tasks.stream().map(task -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return task.get();
            }, pool)).toList();
            start.countDown();
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:groundbreak:problem:" + code);
    }

    /** The fields a 400 problem names, in its order. */
    protected static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** At least {@code count} records of the project, read from the start of the topic, in topic order. */
    protected static List<ConsumerRecord<byte[], byte[]>> recordsOf(String projectId, int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "milestone-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(CloudEventHeaders.TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (projectId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    protected static EventEnvelope envelope(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return CloudEventHeaders.read(headers, record.value());
    }

    protected static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Every record of the project on the topic now, in topic order (read to the end of each partition). */
    protected static List<ConsumerRecord<byte[], byte[]>> allRecordsOf(String projectId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(CloudEventHeaders.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (projectId.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }
}
