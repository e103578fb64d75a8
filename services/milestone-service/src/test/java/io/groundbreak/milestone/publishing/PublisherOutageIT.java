package io.groundbreak.milestone.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.groundbreak.milestone.ServiceTestBase;
import io.groundbreak.testsupport.KafkaBroker;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.Http;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** Kafka goes away: writes go on, the publisher's token waits, and afterwards every event arrives in order. */
class PublisherOutageIT extends ServiceTestBase {

    @Autowired
    @Qualifier("serializer")
    Serializer serializer;

    @Test
    void aPublisherThatCannotReachKafkaKeepsItsTokenAndLosesNothing() {
        KafkaBroker kafka = TestInfrastructure.get().kafka();
        assumeTrue(kafka.canRestart(), "the broker is not the tests' to stop");
        String projectId;
        kafka.stop();
        try {
            projectId = registerProject("120113");
            String path = "/api/projects/" + projectId + "/milestones";
            assertThat(post("d120113", path, "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-01\"}").statusCode()).isEqualTo(201);
            assertThat(post("d120113", path, "{\"stage\":\"LANDED\",\"effectiveDate\":\"2024-03-01\"}").statusCode()).isEqualTo(201);
            long firstIndex = jdbc.sql("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(projectId).query(Long.class).single();

            // several failed batches long: sends time out after 5 s, acknowledgements are awaited up to 8 s
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20))
                    .until(() -> publisherPosition() < firstIndex);

            // the service stays UP (writes are stored and published later) and says how far behind it is
            Http http = new Http(port);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Http.Answer health = http.get("/actuator/health", "admin");
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.body().get("status").asString()).isEqualTo("UP");
                JsonNode publisher = health.body().get("components").get("publisher");
                assertThat(publisher.get("status").asString()).isEqualTo("UP");
                JsonNode details = publisher.get("details");
                assertThat(details.get("state").asString()).isEqualTo("retrying");
                assertThat(details.get("lag").asLong()).isGreaterThanOrEqualTo(3);
                assertThat(details.get("head").asLong()).isGreaterThanOrEqualTo(firstIndex + 2);
                assertThat(details.has("error")).as(details.toString()).isTrue();
                assertThat(details.get("error").asString()).contains("Kafka");
                assertThat(details.has("failingSince")).as(details.toString()).isTrue();
                assertThat(Instant.parse(details.get("failingSince").asString())).isBefore(Instant.now());
            });
            assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> firstOccurrences(projectId).size() == 3);
        assertThat(firstOccurrences(projectId)).containsExactly(0L, 1L, 2L);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode details = new Http(port).get("/actuator/health", "admin").body()
                    .get("components").get("publisher").get("details");
            assertThat(details.get("state").asString()).isEqualTo("publishing");
            assertThat(details.has("failingSince")).isFalse();
            assertThat(details.has("lastAcknowledgedAt")).isTrue();
        });
    }

    /** The project's sequences in topic order with redeliveries (a sequence seen before) left out. */
    private List<Long> firstOccurrences(String projectId) {
        List<Long> sequences = new ArrayList<>();
        allRecordsOf(projectId).forEach(record -> {
            long sequence = Long.parseLong(header(record, "ce_sequence"));
            if (!sequences.contains(sequence)) {
                sequences.add(sequence);
            }
        });
        return sequences;
    }

    private long publisherPosition() {
        return jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ?")
                .param(ProjectEventPublisher.PROCESSING_GROUP)
                .query((row, n) -> {
                    byte[] token = row.getBytes(1);
                    if (token == null) {
                        return -1L;
                    }
                    TrackingToken tracking = serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, row.getString(2), null));
                    return tracking.position().orElse(-1);
                })
                .list().stream().mapToLong(Long::longValue).min().orElse(-1);
    }
}
