package io.groundbreak.testsupport.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * A service's consumer group on one topic, seen from outside: who holds which partition, and a member the
 * test controls ({@link #join}) that can leave like a stopped instance or vanish like a killed one.
 */
public final class ConsumerGroup implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String topic;
    private final String group;
    private final Admin admin;

    public ConsumerGroup(String bootstrapServers, String topic, String group) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.group = group;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The topic's partitions each member holds now, by member id (members holding none included). */
    public Map<String, Set<Integer>> partitionsByMember() {
        Map<String, Set<Integer>> held = new TreeMap<>();
        for (MemberDescription member : describe().members()) {
            Set<Integer> partitions = new TreeSet<>();
            member.assignment().topicPartitions().stream()
                    .filter(partition -> partition.topic().equals(topic))
                    .forEach(partition -> partitions.add(partition.partition()));
            held.put(member.consumerId(), partitions);
        }
        return held;
    }

    /** The partitions held by members other than {@code member} (null: by anyone). */
    public Set<Integer> partitionsHeldBesides(Member member) {
        Set<Integer> held = new TreeSet<>();
        partitionsByMember().forEach((id, partitions) -> {
            if (member == null || !id.equals(member.memberId())) {
                held.addAll(partitions);
            }
        });
        return held;
    }

    /** The partition the producer's default partitioner gives a record with this key (murmur2, as Kafka's). */
    public static int partitionOf(String key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    /** The assignor the group agreed on, e.g. {@code cooperative-sticky}. */
    public String assignor() {
        return describe().partitionAssignor();
    }

    /**
     * A plain KafkaConsumer in the group with these settings (a service's own, to behave as one of its instances),
     * polling on a thread of its own. It never commits: the records it is handed stay the service's to process.
     */
    public Member join(Map<String, ?> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-test-member");
        return new Member(new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()), topic);
    }

    private ConsumerGroupDescription describe() {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not describe consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    /** One member of the group, driven by the test. */
    public static final class Member implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Thread poller;
        private volatile boolean polling = true;
        private volatile CloseOptions.GroupMembershipOperation onClose = CloseOptions.GroupMembershipOperation.DEFAULT;
        private volatile Set<Integer> held = Set.of();
        private volatile String memberId;

        private Member(KafkaConsumer<byte[], byte[]> consumer, String topic) {
            this.consumer = consumer;
            this.poller = new Thread(() -> poll(topic), "consumer-group-test-member");
            poller.setDaemon(true);
            poller.start();
        }

        private void poll(String topic) {
            try {
                consumer.subscribe(List.of(topic));
                while (polling) {
                    consumer.poll(Duration.ofMillis(100));
                    Set<Integer> partitions = new TreeSet<>();
                    consumer.assignment().forEach(partition -> partitions.add(partition.partition()));
                    held = Set.copyOf(partitions);
                    memberId = consumer.groupMetadata().memberId();
                }
            } catch (WakeupException e) {
                // vanish() or leave(): close below
            } finally {
                held = Set.of();
                consumer.close(CloseOptions.groupMembershipOperation(onClose).withTimeout(Duration.ofSeconds(5)));
            }
        }

        /** The partitions it holds now. */
        public Set<Integer> partitions() {
            return held;
        }

        /** Its member id in the group once it joined, else null. */
        public String memberId() {
            return memberId;
        }

        /**
         * Stops polling and heartbeating without telling the group, as a process killed with kill -9 would: the
         * group notices only when its session times out.
         */
        public void vanish() {
            stop(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
        }

        /** Leaves the group, as a consumer that is closed does. */
        public void leave() {
            stop(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        }

        private void stop(CloseOptions.GroupMembershipOperation operation) {
            if (!poller.isAlive()) {
                return;
            }
            onClose = operation;
            polling = false;
            consumer.wakeup();
            try {
                poller.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            leave();
        }
    }
}
