package io.groundbreak.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.events.EventsTopic;
import io.groundbreak.testsupport.http.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event intake's whole cycle needs a service of its own (the shared context of the other ITs always holds parked
 * records): {@code eventIntake} UP while nothing is parked and nothing lags; DEGRADED in the health details once a
 * record is parked, while readiness, liveness and the root health stay UP (the instance answers: a load balancer must
 * keep it); UP again once an administrator discarded the record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class EventIntakeHealthIT {

    private static final String TOPIC = CloudEventHeaders.TOPIC + ".it-intake-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(45);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "audit_intake");
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.destination", () -> TOPIC);
        registry.add("groundbreak.funnel-service.url", () -> "http://127.0.0.1:1");
        registry.add("groundbreak.milestone-service.url", () -> "http://127.0.0.1:1");
    }

    @LocalServerPort
    int port;

    @Test
    void aParkedRecordLeavesReadinessUpWhileTheHealthDetailsShowEventIntakeDegraded() throws Exception {
        Http http = new Http(port);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/eventIntake", null).body().get("details").get("lag").asLong()).isZero();
        });

        try (EventsTopic topic = new EventsTopic(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            topic.send(UUID.randomUUID().toString(), Map.of(), "not an event".getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(WAIT).untilAsserted(() -> {
            Http.Answer intake = http.get("/actuator/health/eventIntake", null);
            assertThat(intake.status()).isEqualTo(200);
            assertThat(intake.body().get("status").asString()).isEqualTo("DEGRADED");
            assertThat(intake.body().get("details").get("parked").asLong()).isEqualTo(1);
        });
        Http.Answer readiness = http.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(String.valueOf(readiness.body())).isEqualTo(200);
        assertThat(readiness.body().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.body().get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db");
        Http.Answer root = http.get("/actuator/health", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body().get("status").asString()).isEqualTo("UP");
        assertThat(root.body().get("components").get("eventIntake").get("status").asString()).isEqualTo("DEGRADED");
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);

        long id = http.get("/api/admin/dead-letters", "admin").body().get("deadLetters").get(0).get("id").asLong();
        HttpResponse<String> discard = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/dead-letters/" + id + "/discard"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin-dev".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"not ours\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discard.statusCode()).as(discard.body()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(http.get("/actuator/health/eventIntake", null).body().get("status").asString()).isEqualTo("UP"));
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
