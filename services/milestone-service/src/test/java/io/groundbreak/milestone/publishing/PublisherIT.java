package io.groundbreak.milestone.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.milestone.ServiceTestBase;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.testsupport.http.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PublisherIT extends ServiceTestBase {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void thePublisherRefusesAReplaySoNothingIsPublishedAgain() {
        String projectId = registerProject("120112");
        recordsOf(projectId, 1);
        StreamingEventProcessor publisher = processing
                .eventProcessor(ProjectEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        publisher.shutDown();
        try {
            assertThatThrownBy(publisher::resetTokens).isInstanceOf(IllegalStateException.class);
        } finally {
            publisher.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !publisher.processingStatus().isEmpty()
                && publisher.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));

        assertThat(allRecordsOf(projectId)).hasSize(1);
    }

    @Test
    void theTopicKeepsEveryEventForeverBecauseRebuildsReadItFromTheBeginning() throws Exception {
        registerProject("120112");
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, CloudEventHeaders.TOPIC);
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()))) {
            Config config = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);

            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void theLagIsAGaugeAndTheHealthReportsIt() {
        String projectId = registerProject("120112");
        recordsOf(projectId, 1);
        Http http = new Http(port);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Answer metric = http.get("/actuator/metrics/" + PublisherLag.GAUGE, "admin");
            assertThat(metric.status()).isEqualTo(200);
            assertThat(metric.body().get("measurements").get(0).get("value").asDouble()).isZero();
        });
        Http.Answer health = http.get("/actuator/health", "admin");
        assertThat(health.body().get("components").get("publisher").get("status").asString()).isEqualTo("UP");
        assertThat(health.body().get("components").get("publisher").get("details").get("lag").asLong()).isZero();
    }
}
