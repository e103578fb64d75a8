package io.groundbreak.kit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start a service whose Kafka binder would consume a topic that has fewer partitions than
 * {@code spring.cloud.stream.kafka.binder.min-partition-count}.
 * <p>
 * The binder creates a missing topic with that many partitions, but for a topic that exists it enforces the count
 * only by adding partitions ({@code auto-add-partitions}), and a topic with more partitions sends a key to another
 * partition: a project's next events would be consumed before the ones already on the topic. Groundbreak keeps
 * {@code auto-add-partitions} off, and then the binder consumes a shorter topic (made by hand, or by a broker's
 * automatic creation) as it is, saying nothing. This says so before any binding starts, and adds nothing.
 * <p>
 * A broker that does not answer within {@code timeout} is not waited for (the binder binds once it answers, as
 * before): the count is then not checked, and a warning says so.
 */
public class TopicPartitionsCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicPartitionsCheck.class);

    private final String bootstrapServers;
    private final List<String> topics;
    private final int minimum;
    private final Duration timeout;

    public TopicPartitionsCheck(String bootstrapServers, List<String> topics, int minimum, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topics = List.copyOf(topics);
        this.minimum = minimum;
        this.timeout = timeout;
    }

    @Override
    public void afterPropertiesSet() {
        if (topics.isEmpty() || minimum <= 1) {
            return;
        }
        List<String> tooShort = new ArrayList<>();
        int millis = Math.toIntExact(timeout.toMillis());
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1000));
        try {
            Map<String, KafkaFuture<TopicDescription>> described =
                    admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(millis)).topicNameValues();
            for (String topic : topics) {
                try {
                    int partitions = described.get(topic).get(millis, TimeUnit.MILLISECONDS).partitions().size();
                    if (partitions < minimum) {
                        tooShort.add(topic + " has " + partitions);
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        notChecked(topic, e.getCause());
                    }
                    // missing: the binder creates it with min-partition-count partitions
                } catch (TimeoutException e) {
                    notChecked(topic, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while checking the partitions of " + topic, e);
                }
            }
        } finally {
            admin.close(Duration.ofSeconds(5));
        }
        if (!tooShort.isEmpty()) {
            throw new IllegalStateException("Topic " + String.join(", topic ", tooShort) + " partitions, fewer than "
                    + minimum + " (spring.cloud.stream.kafka.binder.min-partition-count). None are added "
                    + "(auto-add-partitions is off): more partitions would move a project's next events to another "
                    + "partition than its earlier ones, out of order. Either consume it with the partitions it has "
                    + "(set min-partition-count to that number: the order holds), or move its events to a topic "
                    + "created with " + minimum + " partitions.");
        }
    }

    private void notChecked(String topic, Throwable why) {
        log.warn("Could not check that topic {} has at least {} partitions: the broker at {} did not answer ({}); "
                + "the binder binds once it does", topic, minimum, bootstrapServers, why.toString());
    }
}
