package io.groundbreak.funnel.messaging;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import io.groundbreak.funnel.rebuild.TopicReplay;
import io.groundbreak.kit.concurrent.ReadAhead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rebuild's reader: a plain KafkaConsumer with a fresh group id that commits nothing, assigned every
 * partition of the live binding's topic and started at the beginning.
 */
@Component
class KafkaTopicReplay implements TopicReplay {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Parsed batches read ahead of the caller at most (a poll's worth each). */
    private static final int AHEAD = 8;

    private final String brokers;
    private final String topic;
    private final String group;

    KafkaTopicReplay(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
                     @Value("${spring.cloud.stream.bindings.projectEvents-in-0.destination}") String topic,
                     @Value("${spring.cloud.stream.bindings.projectEvents-in-0.group}") String group) {
        this.brokers = brokers;
        this.topic = topic;
        this.group = group;
    }

    @Override
    public Session open() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, group + "-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new KafkaSession(consumer, partitions);
    }

    private static final class KafkaSession implements Session {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions;
        private long recordsRead;
        private long malformed;

        private KafkaSession(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
            this.consumer = consumer;
            this.partitions = partitions;
        }

        /**
         * A thread of its own polls and parses ahead, up to {@value #AHEAD} batches, while the caller's thread takes
         * the batches in order (on two cores, the reading and the fold each have one).
         */
        @Override
        public void readToEnd(Consumer<List<EventEnvelope>> batches) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ReadAhead.<List<EventEnvelope>>batches("funnel-rebuild-reader", AHEAD, sink -> {
                while (!sink.stopped() && behind(end)) {
                    List<EventEnvelope> batch = parse(consumer.poll(POLL));
                    if (!batch.isEmpty()) {
                        sink.accept(batch);
                    }
                }
            }, batches);
        }

        private boolean behind(Map<TopicPartition, Long> end) {
            return partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition));
        }

        private List<EventEnvelope> parse(ConsumerRecords<byte[], byte[]> records) {
            List<EventEnvelope> batch = new ArrayList<>(records.count());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                recordsRead++;
                try {
                    batch.add(CloudEventHeaders.read(headers(record), record.value()));
                } catch (MalformedEventException e) {
                    malformed++;
                    log.warn("Rebuild skipped record {}-{} offset {}: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
            }
            return batch;
        }

        @Override
        public long recordsRead() {
            return recordsRead;
        }

        @Override
        public long malformed() {
            return malformed;
        }

        @Override
        public void close() {
            consumer.close();
        }

        /**
         * The record's headers as {@link CloudEventHeaders#read} asks for them: each decoded when asked for (the last of
         * a name wins, as the live binding's), not a map built per record (a fifth of the reader's time).
         */
        private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
            return new AbstractMap<>() {
                @Override
                public String get(Object name) {
                    Header header = record.headers().lastHeader((String) name);
                    return header == null ? null : text(header);
                }

                @Override
                public Set<Entry<String, String>> entrySet() {
                    Map<String, String> all = new LinkedHashMap<>();
                    record.headers().forEach(header -> all.put(header.key(), text(header)));
                    return all.entrySet();
                }
            };
        }

        private static String text(Header header) {
            return header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
