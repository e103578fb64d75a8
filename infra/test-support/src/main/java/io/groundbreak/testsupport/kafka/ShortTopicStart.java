package io.groundbreak.testsupport.kafka;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A consuming service started on a topic with 2 partitions, fewer than its binding's min-partition-count (6), must
 * refuse to start with a message naming the topic, and leave the topic's partitions as they were: with partitions
 * added, a project's key would map to another partition than its events already on the topic. Each service's
 * {@code TopicPartitionsIT} runs this with its own application.
 */
public final class ShortTopicStart {

    /** Starts the application with the given arguments and closes it again; throws when it cannot start. */
    @FunctionalInterface
    public interface Application {
        void startAndClose(String... arguments) throws Exception;

        /** One start with its arguments bound. */
        @FunctionalInterface
        interface Start {
            void run() throws Exception;
        }
    }

    private ShortTopicStart() {
    }

    public static void assertRefused(String databaseName, String binding, Application application) throws Exception {
        String topic = CloudEventHeaders.TOPIC + ".it-short-" + UUID.randomUUID();
        String brokers = TestInfrastructure.get().kafkaBootstrapServers();
        TestDatabase database = TestInfrastructure.get().newDatabase(databaseName);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                Throwable refusal = refusal(() -> application.startAndClose(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.kafka.bootstrap-servers=" + brokers,
                        "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                        "--spring.cloud.stream.bindings." + binding + ".destination=" + topic));
                String expected = "Topic " + topic + " has 2 partitions, fewer than 6";
                if (!String.valueOf(refusal.getMessage()).contains(expected)) {
                    throw new AssertionError("the start was refused for another reason than \"" + expected + "\"", refusal);
                }
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                        .partitions().size();
                if (partitions != 2) {
                    throw new AssertionError("the topic has " + partitions + " partitions after the start, not 2");
                }
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The root cause of the start's failure; an AssertionError when it started. */
    private static Throwable refusal(Application.Start start) {
        try {
            start.run();
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root;
        }
        throw new AssertionError("the application started on a topic with 2 partitions");
    }
}
