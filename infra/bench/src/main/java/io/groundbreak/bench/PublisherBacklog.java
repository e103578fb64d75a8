package io.groundbreak.bench;

import io.groundbreak.events.CloudEventHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;

/**
 * The publisher on a backlog: with the broker stopped, district clients write {@code events} events (stored,
 * not publishable); the broker is started again and milestone-service's publisher, running all along and
 * warmed up by the earlier phases, catches up once its retry back-off has run out. The rate is taken from
 * the records themselves: their count over the span between the first and the last record's timestamp (the
 * producer stamps each when it is sent, and a batch's acknowledgements are awaited before the next batch is
 * read), so the back-off before the first send is not counted. Records stamped before the broker was back
 * are left out: the publisher handed them to the producer while the broker was down, and they reached Kafka
 * only by the producer's own retries; counted, they stretched the span by the whole back-off.
 */
final class PublisherBacklog {

    private final GroundbreakSystem system;

    PublisherBacklog(GroundbreakSystem system) {
        this.system = system;
    }

    Figure measure(DistrictClients clients, int events, Figure rawProduce) throws Exception {
        system.awaitSettled(Duration.ofMinutes(10));
        Map<TopicPartition, Long> before = system.topicEndOffsets();
        long publishedBefore = before.values().stream().mapToLong(Long::longValue).sum();
        long storedBefore = system.storedEvents();
        system.broker.stop();
        LoadResult written = clients.post(events);
        long backlog = system.storedEvents() - storedBefore;
        long[] cpuBefore = system.cpuNanos();
        system.broker.start();
        long brokerBack = System.nanoTime();
        long brokerBackMillis = System.currentTimeMillis();
        Awaitility.await("the backlog on Kafka").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> system.publishedRecords() - publishedBefore >= backlog);
        double catchUpSeconds = (System.nanoTime() - brokerBack) / 1e9;
        long[] cpuAfter = system.cpuNanos();
        List<Long> all = recordTimestamps(before);
        List<Long> timestamps = all.stream().filter(timestamp -> timestamp >= brokerBackMillis).toList();
        if (timestamps.size() < 2) {
            throw new IllegalStateException("only " + timestamps.size() + " record(s) sent after the broker was back");
        }
        long records = timestamps.size();
        long first = timestamps.get(0);
        double seconds = Math.max(1, timestamps.get(timestamps.size() - 1) - first) / 1000.0;
        double rate = (records - 1) / seconds;
        // how the records spread over the span, second by second: a stall or a slow start shows here
        long[] perSecond = new long[(int) (timestamps.get(timestamps.size() - 1) - first) / 1000 + 1];
        timestamps.forEach(timestamp -> perSecond[(int) (timestamp - first) / 1000]++);
        return Figure.againstRawLimit("publisher", "Publisher: event store → acknowledged on Kafka, on a backlog",
                rate, "events/s", null, rawProduce, 0.25, Map.of(
                        "backlogEvents", backlog, "recordsPublished", all.size(), "recordsCounted", records,
                        "recordsStampedWhileBrokerDown", all.size() - records, "seconds", seconds,
                        "secondsFromBrokerBackToLastRecord", catchUpSeconds, "writeErrors", written.errors(),
                        "recordsPerSecond", Arrays.toString(perSecond),
                        "cpuMsPerEvent", GroundbreakSystem.cpuPerEvent(cpuBefore, cpuAfter, backlog),
                        "method", "records' producer timestamps, first to last, of those stamped after the broker "
                                + "was back; the broker was down while the backlog was written; the publisher's "
                                + "retry back-off before the first send not counted"));
    }

    /** The timestamps of the records after {@code from}, read to the end, in order. */
    private List<Long> recordTimestamps(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> end = system.topicEndOffsets();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-backlog-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.copyOf(end.keySet());
            consumer.assign(partitions);
            from.forEach(consumer::seek);
            List<Long> timestamps = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && CloudEventHeaders.TOPIC.equals(record.topic())) {
                        timestamps.add(record.timestamp());
                    }
                }
            }
            if (timestamps.size() < 2) {
                throw new IllegalStateException("the backlog left " + timestamps.size() + " record(s) on Kafka");
            }
            Collections.sort(timestamps);
            return timestamps;
        }
    }
}
