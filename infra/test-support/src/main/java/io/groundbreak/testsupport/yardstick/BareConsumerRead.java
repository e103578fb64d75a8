package io.groundbreak.testsupport.yardstick;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How fast the broker alone hands out a topic: one bare consumer reads every partition from the beginning, 1,000
 * records a poll as funnel-service's rebuild does, touching each record's key, body and headers. The one yardstick
 * for the bench's {@code raw.kafka.consume} and for what a rebuild is compared with.
 */
public record BareConsumerRead(long records, long bytes, double seconds) {

    /** Reads the topic until at least {@code records} records have come. */
    public static BareConsumerRead fromBeginning(String bootstrapServers, String topic, long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long bytes = 0;
            long begin = System.nanoTime();
            while (read < records) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    // touch what a consumer needs, so that nothing is left unread
                    bytes += record.value().length + record.key().length;
                    for (Header header : record.headers()) {
                        bytes += header.value().length;
                    }
                }
            }
            return new BareConsumerRead(read, bytes, (System.nanoTime() - begin) / 1e9);
        }
    }

    public double recordsPerSecond() {
        return records / seconds;
    }
}
