package io.groundbreak.audit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.audit.AuditServiceApplication;
import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The binder never adds partitions to the topic (auto-add-partitions false in application.yml): a topic with fewer
 * than min-partition-count (6) stops audit-service's start with a message naming it, and keeps its partitions. With
 * partitions added, a project's key would map to another partition than its events already on the topic.
 */
class TopicPartitionsIT {

    @Test
    void aTopicWithFewerPartitionsStopsTheStartAndKeepsItsPartitions() throws Exception {
        String topic = CloudEventHeaders.TOPIC + ".it-short-" + UUID.randomUUID();
        String brokers = TestInfrastructure.get().kafkaBootstrapServers();
        TestDatabase database = TestInfrastructure.get().newDatabase("audit_short_topic");
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        try {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> new SpringApplicationBuilder(AuditServiceApplication.class).profiles("local").run(
                    "--server.port=0",
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--spring.kafka.bootstrap-servers=" + brokers,
                    "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                    "--spring.cloud.stream.bindings.projectEvents-in-0.destination=" + topic).close())
                    .rootCause().hasMessageContaining("Topic " + topic + " has 2 partitions, fewer than 6");
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions()).as("no partition added").hasSize(2);
        } finally {
            admin.deleteTopics(List.of(topic));
            admin.close(Duration.ofSeconds(5));
        }
    }
}
