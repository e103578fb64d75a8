package io.groundbreak.faults.watch;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.faults.stack.Stack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples, twice a second while a scenario runs, how far each reader of the cluster has got: both consumer
 * groups on every partition (committed offset against the end offset) and milestone-service's publisher (its
 * token's position against the event store's head, and which instance holds the token). A sample that cannot
 * be taken (a broker away, the database busy) is skipped: the stalls are measured between the samples there are.
 */
public final class ClusterWatch implements AutoCloseable {

    public static final String PUBLISHER = "kafka-publisher";
    private static final long INTERVAL_MILLIS = 500;
    private static final int CALL_TIMEOUT_MILLIS = 2000;
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    private static final Logger log = LoggerFactory.getLogger(ClusterWatch.class);

    /** Who held the publisher's token at one moment ({@code pid@host}, or null when nobody did). */
    public record Owner(Instant at, String owner) {
    }

    private final Stack stack;
    private final Admin admin;
    private final Map<String, Map<TopicPartition, List<Progress>>> groups = new HashMap<>();
    private final List<Progress> publisher = new CopyOnWriteArrayList<>();
    private final List<Owner> owners = new CopyOnWriteArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ClusterWatch(Stack stack) {
        this.stack = stack;
        this.admin = stack.admin();
        for (String group : List.of(Stack.FUNNEL_GROUP, Stack.AUDIT_GROUP)) {
            groups.put(group, new java.util.concurrent.ConcurrentHashMap<>());
        }
        this.sampler = new Thread(this::sampleUntilClosed, "cluster-watch");
        sampler.setDaemon(true);
    }

    public static ClusterWatch start(Stack stack) {
        ClusterWatch watch = new ClusterWatch(stack);
        watch.sampler.start();
        return watch;
    }

    private void sampleUntilClosed() {
        while (running) {
            long began = System.currentTimeMillis();
            sampleGroups();
            samplePublisher();
            long rest = INTERVAL_MILLIS - (System.currentTimeMillis() - began);
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void sampleGroups() {
        List<TopicPartition> partitions = partitions();
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        ListOffsetsResult latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())),
                new ListOffsetsOptions().timeoutMs(CALL_TIMEOUT_MILLIS));
        for (TopicPartition partition : partitions) {
            try {
                ends.put(partition, latest.partitionResult(partition).get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).offset());
            } catch (ExecutionException | TimeoutException e) {
                // that partition's leader is away: no sample of it this time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Map.Entry<String, Map<TopicPartition, List<Progress>>> group : groups.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed;
            try {
                committed = admin.listConsumerGroupOffsets(group.getKey(), new ListConsumerGroupOffsetsOptions().timeoutMs(CALL_TIMEOUT_MILLIS))
                        .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                continue; // the group's coordinator is moving
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Instant at = Instant.now();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                Long end = ends.get(partition);
                if (offset != null && end != null) {
                    group.getValue().computeIfAbsent(partition, p -> new CopyOnWriteArrayList<>())
                            .add(new Progress(at, offset.offset(), end));
                }
            }
        }
    }

    private List<TopicPartition> partitions() {
        try {
            return admin.describeTopics(List.of(CloudEventHeaders.TOPIC),
                            new org.apache.kafka.clients.admin.DescribeTopicsOptions().timeoutMs(CALL_TIMEOUT_MILLIS))
                    .allTopicNames().get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).get(CloudEventHeaders.TOPIC).partitions()
                    .stream().map(info -> new TopicPartition(CloudEventHeaders.TOPIC, info.partition())).toList();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private void samplePublisher() {
        try (Connection connection = stack.postgres.connect(Stack.MILESTONES_DATABASE);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            long head;
            try (ResultSet rows = statement.executeQuery("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")) {
                rows.next();
                head = rows.getLong(1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT owner, convert_from(token, 'UTF8') FROM token_entry "
                    + "WHERE processor_name = '" + PUBLISHER + "' ORDER BY segment LIMIT 1")) {
                if (!rows.next()) {
                    return;
                }
                Instant at = Instant.now();
                owners.add(new Owner(at, rows.getString(1)));
                String token = rows.getString(2);
                Matcher index = token == null ? null : TOKEN_INDEX.matcher(token);
                if (index != null && index.find()) {
                    publisher.add(new Progress(at, Long.parseLong(index.group(1)), head));
                }
            }
        } catch (Exception e) {
            log.debug("no publisher sample: {}", e.toString());
        }
    }

    /** The longest stall of {@code group} over its partitions. */
    public Optional<Stall> longestStall(String group) {
        List<Optional<Stall>> stalls = new ArrayList<>();
        groups.get(group).forEach((partition, samples) ->
                stalls.add(Stall.longest(group + " on partition " + partition.partition(), List.copyOf(samples))));
        return Stall.longestOf(stalls);
    }

    /**
     * How long after {@code since} every partition of {@code group} had been read beyond where it stood then;
     * empty while one has not (or before the watch has samples from before {@code since}).
     */
    public Optional<java.time.Duration> allReadAgainAfter(String group, Instant since) {
        Map<TopicPartition, List<Progress>> partitions = groups.get(group);
        if (partitions.isEmpty()) {
            return Optional.empty();
        }
        Instant last = since;
        for (List<Progress> samples : partitions.values()) {
            Optional<Instant> readAgain = Stall.readAgainAt(List.copyOf(samples), since);
            if (readAgain.isEmpty()) {
                return Optional.empty();
            }
            last = readAgain.get().isAfter(last) ? readAgain.get() : last;
        }
        return Optional.of(java.time.Duration.between(since, last));
    }

    public Optional<Stall> publisherStall() {
        return Stall.longest("the publisher", List.copyOf(publisher));
    }

    /** Who holds the publisher's token now ({@code pid@host}), as last sampled. */
    public Optional<String> currentOwner() {
        return owners.isEmpty() ? Optional.empty() : Optional.ofNullable(owners.get(owners.size() - 1).owner());
    }

    /** The first sample after {@code since} at which the token was held by someone other than {@code former}. */
    public Optional<Owner> firstOwnerOtherThan(String former, Instant since) {
        return owners.stream().filter(owner -> owner.at().isAfter(since) && owner.owner() != null && !owner.owner().equals(former))
                .findFirst();
    }

    public int samples() {
        return publisher.size();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
