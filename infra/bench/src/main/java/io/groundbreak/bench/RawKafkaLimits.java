package io.groundbreak.bench;

import io.groundbreak.testsupport.yardstick.BareConsumerRead;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the broker itself does on this machine with event-sized records (key, CloudEvents headers and
 * body of real events) on a topic shaped like the events topic (6 partitions, replication 1): one
 * producer with {@code acks=all} and the publisher's own batching settings, then one consumer reading
 * them all back from the beginning.
 */
final class RawKafkaLimits {

    private static final int PARTITIONS = 6;

    private final String bootstrapServers;
    private final EventSamples samples;
    private final String topic = "bench.raw-events." + UUID.randomUUID();

    RawKafkaLimits(String bootstrapServers, EventSamples samples) {
        this.bootstrapServers = bootstrapServers;
        this.samples = samples;
    }

    Figure produce(int records) throws Exception {
        TopicSeed.createTopic(bootstrapServers, topic, PARTITIONS);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long begin;
        long end;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // as milestone-service's publisher is configured (application.yml)
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // the connection and the topic's metadata are not part of the rate
            producer.partitionsFor(topic);
            begin = System.nanoTime();
            for (long i = 0; i < records; i++) {
                producer.send(samples.get(i).record(topic), (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        if (failure.get() != null || acknowledged.get() != records) {
            throw new IllegalStateException("Kafka acknowledged " + acknowledged.get() + " of " + records + " records",
                    failure.get());
        }
        double seconds = (end - begin) / 1e9;
        return Figure.rawLimit("raw.kafka.produce", "Kafka produce, acks=all, event-sized records, 1 producer",
                records / seconds, "records/s", Map.of("records", records, "seconds", seconds,
                        "averageRecordBytes", Math.round(samples.averageRecordBytes()), "partitions", PARTITIONS,
                        "producer", "acks=all, idempotent, linger.ms=5, batch.size=262144 (the publisher's settings)"));
    }

    Figure consume(int records) {
        BareConsumerRead read = BareConsumerRead.fromBeginning(bootstrapServers, topic, records);
        return Figure.rawLimit("raw.kafka.consume", "Kafka consume from the beginning, 1 consumer",
                read.recordsPerSecond(), "records/s",
                Map.of("records", read.records(), "seconds", read.seconds(), "bytesRead", read.bytes()));
    }
}
