package io.groundbreak.milestone.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.HashChain;
import io.groundbreak.events.MilestoneRecorded;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.events.ProjectId;
import io.groundbreak.events.ProjectRegistered;
import io.groundbreak.events.Stage;
import io.groundbreak.milestone.ServiceTestBase;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import io.groundbreak.testsupport.TestInfrastructure;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publisher on a backlog larger than several batches: every event arrives, in order per project, with its hash
 * intact. It is also the publisher's own measurement without the whole bench (README "Emits"): with
 * {@code -Dpublisher.backlog.events=20000} it prints the rate and the CPU per event while the publisher catches up,
 * {@code -Dpublisher.backlog.warmUpEvents=10000} publishes a backlog before, unmeasured (the JIT compilers took 40 %
 * of a cold JVM's CPU), and {@code -Dpublisher.backlog.jfr=<file>} records a JFR profile of exactly the measured span.
 */
class PublisherBacklogIT extends ServiceTestBase {

    private static final int EVENTS_PER_PROJECT = 10;

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aBacklogOfSeveralBatchesIsPublishedCompletelyInOrderWithIntactHashes() throws Exception {
        int warmUp = Integer.getInteger("publisher.backlog.warmUpEvents", 0);
        if (warmUp > 0) {
            catchUp(warmUp, null);
        }
        catchUp(Integer.getInteger("publisher.backlog.events", 2_500), System.getProperty("publisher.backlog.jfr"));
    }

    /**
     * Stores {@code events} events with the publisher stopped, starts it, and checks that they all arrive; prints the
     * rate, the JVM's CPU per event and the publisher threads' CPU per event (its processor's and the producer's).
     */
    private void catchUp(int events, String jfr) throws Exception {
        StreamingEventProcessor publisher = processing
                .eventProcessor(ProjectEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        publisher.shutDown();
        Map<String, List<EventEnvelope>> stored;
        try {
            stored = store(events);
        } catch (RuntimeException e) {
            publisher.start();
            throw e;
        }

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // one consumer asks for the end offsets throughout: a consumer made per look cost as much CPU as the publisher
        try (KafkaConsumer<byte[], byte[]> offsets = consumer();
             Recording recording = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"))) {
            long endBefore = endOffsets(offsets);
            if (recording != null) {
                recording.start();
            }
            Map<Long, Long> threadsBefore = publisherThreadsCpu();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            publisher.start();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> endOffsets(offsets) - endBefore >= events);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMsPerEvent = (os.getProcessCpuTime() - cpuBefore) / 1e6 / events;
            long publisherNanos = publisherThreadsCpu().entrySet().stream()
                    .mapToLong(thread -> thread.getValue() - threadsBefore.getOrDefault(thread.getKey(), 0L)).sum();
            if (recording != null) {
                recording.stop();
                recording.dump(Path.of(jfr));
            }
            System.out.printf(Locale.ROOT, "publisher backlog: %,d events in %.2f s = %,.0f events/s; CPU per event: "
                    + "%.3f ms this JVM (JIT and the test included), %.3f ms the publisher's threads; load %.1f%n",
                    events, seconds, events / seconds, cpuMsPerEvent, publisherNanos / 1e6 / events,
                    os.getSystemLoadAverage());
        }

        assertThat(published(stored.keySet())).isEqualTo(stored);
    }

    /** CPU time by thread id of the publisher's processor threads and the Kafka producer's network thread. */
    private static Map<Long, Long> publisherThreadsCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (var thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().contains(ProjectEventPublisher.PROCESSING_GROUP)
                    || thread.getThreadName().startsWith("kafka-producer-network-thread"))) {
                cpu.put(thread.getThreadId(), threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return cpu;
    }

    /** {@code events} events of new projects, appended straight to the store in transactions of a batch's size. */
    private Map<String, List<EventEnvelope>> store(int events) {
        Map<String, List<EventEnvelope>> stored = new HashMap<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        ProjectId project = null;
        String prevHash = null;
        for (int i = 0; i < events; i++) {
            int sequence = i % EVENTS_PER_PROJECT;
            if (sequence == 0) {
                project = ProjectId.random();
                prevHash = HashChain.GENESIS_PREV_HASH;
            }
            ProjectEvent data = sequence == 0
                    ? new ProjectRegistered(project, "BL-" + i, "积压项目 " + i, "120116", "new-energy", "津海新能源",
                            new BigDecimal("1500000000.00"), null)
                    : new MilestoneRecorded(project, Stage.values()[sequence % Stage.values().length],
                            LocalDate.of(2024, 5, 7), new BigDecimal(sequence + ".50"), sequence % 2 == 0 ? null : "第" + sequence + "步");
            EventEnvelope envelope = HashChain.seal(UUID.randomUUID(), sequence, Instant.now(), "d120116", prevHash,
                    "120116", data);
            prevHash = envelope.hash();
            stored.computeIfAbsent(project.toString(), key -> new ArrayList<>()).add(envelope);
            batch.add(new GenericDomainEventMessage<>("Project", project.toString(), sequence, data,
                    EnvelopeMetaData.of(envelope)));
            if (batch.size() == 1_000 || i == events - 1) {
                List<DomainEventMessage<?>> appended = List.copyOf(batch);
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> storageEngine.appendEvents(appended));
                batch.clear();
            }
        }
        return stored;
    }

    private static long endOffsets(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.endOffsets(partitions(consumer)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The records of the given projects on the topic, as envelopes, in topic order per project. */
    private static Map<String, List<EventEnvelope>> published(Set<String> projects) {
        Map<String, List<EventEnvelope>> published = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope envelope = envelope(record);
                    if (projects.contains(envelope.subject().toString())) {
                        assertThat(envelope.hashIsIntact()).as("hash of %s", envelope.id()).isTrue();
                        published.computeIfAbsent(envelope.subject().toString(), key -> new ArrayList<>()).add(envelope);
                    }
                }
            }
        }
        return published;
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(CloudEventHeaders.TOPIC).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }
}
