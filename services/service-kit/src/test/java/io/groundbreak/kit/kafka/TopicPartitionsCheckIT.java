package io.groundbreak.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * On the real broker of infra/test-support, with the binder's settings as funnel-service and audit-service have them
 * (min-partition-count 6, auto-add-partitions off): a topic with fewer partitions stops the start with a message that
 * names it and adds no partition; a topic with enough, or none yet, starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicPartitionsCheckIT {

    private final String shortTopic = "kit-partitions-short-" + UUID.randomUUID();
    private final String fullTopic = "kit-partitions-full-" + UUID.randomUUID();
    private String brokers;
    private Admin admin;

    @BeforeAll
    void topics() throws Exception {
        brokers = TestInfrastructure.get().kafkaBootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        admin.createTopics(List.of(new NewTopic(shortTopic, 3, (short) 1), new NewTopic(fullTopic, 6, (short) 1)))
                .all().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    void close() {
        admin.deleteTopics(List.of(shortTopic, fullTopic));
        admin.close(Duration.ofSeconds(5));
    }

    private ApplicationContextRunner service(String destination, String... more) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TopicPartitionsAutoConfiguration.class))
                .withPropertyValues("spring.cloud.stream.kafka.binder.brokers=" + brokers,
                        "spring.cloud.stream.kafka.binder.min-partition-count=6",
                        "spring.cloud.stream.kafka.binder.auto-add-partitions=false",
                        "spring.cloud.stream.bindings.projectEvents-in-0.destination=" + destination,
                        "spring.cloud.stream.bindings.projectEvents-in-0.group=kit-test")
                .withPropertyValues(more);
    }

    @Test
    void aTopicWithFewerPartitionsStopsTheStartAndKeepsItsPartitions() throws Exception {
        service(shortTopic).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Topic " + shortTopic + " has 3 partitions, fewer than 6")
                    .hasMessageContaining("min-partition-count");
        });
        assertThat(admin.describeTopics(List.of(shortTopic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(shortTopic).partitions()).as("nothing added").hasSize(3);
    }

    @Test
    void aTopicWithEnoughPartitionsStarts() {
        service(fullTopic).run(context -> assertThat(context).hasNotFailed().hasSingleBean(TopicPartitionsCheck.class));
    }

    /** The binder creates a missing topic with min-partition-count partitions: nothing to refuse, nothing created here. */
    @Test
    void aMissingTopicStartsAndIsNotCreatedByTheCheck() throws Exception {
        String missing = "kit-partitions-missing-" + UUID.randomUUID();
        service(missing).run(context -> assertThat(context).hasNotFailed());
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        assertThat(names).doesNotContain(missing);
    }

    @Test
    void withPartitionsAddedByTheBinderThereIsNoCheck() {
        service(shortTopic, "spring.cloud.stream.kafka.binder.auto-add-partitions=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TopicPartitionsCheck.class));
    }

    /** A broker that does not answer is not waited for beyond the timeout: the binder binds once it answers. */
    @Test
    void aBrokerThatDoesNotAnswerDelaysTheStartByTheTimeoutAtMost() {
        Instant start = Instant.now();
        service(shortTopic, "spring.cloud.stream.kafka.binder.brokers=127.0.0.1:1",
                "groundbreak.kafka.topic-partitions-check.timeout=2s")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }
}
