package io.groundbreak.bench;

import io.groundbreak.events.CloudEventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * A history already on the events topic when the services start, as after months of use: sealed events
 * (a registration and five milestones per project, hash-chained like milestone-service's) written straight
 * to the topic. funnel-service and audit-service take them in before anything is measured; the rebuild, the
 * export and the verification then work on a ledger of a size worth timing, whatever the ingest rate of the
 * machine. milestone-service's event store does not hold them: ingest and the publisher are measured on
 * events of their own.
 */
final class TopicSeed {

    private TopicSeed() {
    }

    /** Creates the events topic as milestone-service would (6 partitions) and writes the events; their count. */
    static long write(String bootstrapServers, EventSamples history) throws Exception {
        createTopic(bootstrapServers, CloudEventHeaders.TOPIC, 6);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // one request in flight: on a loaded machine a first batch refused "not leader" was followed by
                // batches the broker refused as out of order, retried forever (flush() never returned); the seed
                // is not a measured figure
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>(history.size());
            for (int i = 0; i < history.size(); i++) {
                sends.add(producer.send(history.get(i).record(CloudEventHeaders.TOPIC)));
            }
            producer.flush();
            // a record lost here would be a gap in its project's chain, and every later phase would wait for it
            for (Future<RecordMetadata> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        }
        return history.size();
    }

    /** Creates a topic and returns once every partition has its leader: until then a write answers "not leader". */
    static void createTopic(String bootstrapServers, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
            Awaitility.await("a leader for every partition of " + topic).atMost(Duration.ofSeconds(60))
                    .until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                            .get(topic).partitions().stream()
                            .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
        }
    }
}
