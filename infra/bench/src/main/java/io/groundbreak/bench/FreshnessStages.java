package io.groundbreak.bench;

import io.groundbreak.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;

/**
 * Where each freshness sample waited, stage by stage, from the instants the system itself keeps (one machine, one
 * clock): the event's timestamp in the store (taken while the command ran, before the commit), the probe's 201, the
 * record's timestamp on the topic (the producer stamps it when the publisher sends it), funnel-service's
 * {@code applied_sequence.last_applied_at} (its apply transaction's start, read just after the sample was seen,
 * before the project's next event overwrites it) and the answer that showed it. A slow sample's stages name the
 * part of the pipeline it waited in. Beside them, at each 201, the records funnel-service's group had not committed
 * yet on the partition the sample goes to: the queue it joins there.
 */
final class FreshnessStages implements AutoCloseable {

    private static final String FUNNEL_GROUP = "funnel-service";

    private static final String[] STAGES = {"recordedTo201", "201ToSent", "sentToApplying", "applyingToSeen"};

    private final GroundbreakSystem system;
    private final Map<TopicPartition, Long> topicStart;
    private final List<Sample> samples = new ArrayList<>();
    private final Admin admin;

    FreshnessStages(GroundbreakSystem system) {
        this.system = system;
        this.topicStart = system.topicEndOffsets();
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.broker.bootstrapServers()));
    }

    /**
     * Records on the project's partition that funnel-service's group has not committed yet, read at the 201: the
     * sample's record joins the queue behind them (Kafka's default partitioner: murmur2 of the key).
     */
    long queueAhead(String projectId) {
        TopicPartition partition = new TopicPartition(CloudEventHeaders.TOPIC,
                Utils.toPositive(Utils.murmur2(projectId.getBytes(StandardCharsets.UTF_8))) % topicStart.size());
        try {
            // the commit first: read after it, the end is at or past it
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(FUNNEL_GROUP).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset();
            return end - (committed == null ? 0 : committed.offset());
        } catch (Exception e) {
            throw new IllegalStateException("could not read funnel-service's lag on " + partition, e);
        }
    }

    /** One sample, once it is visible; reads when funnel-service began applying it. */
    void seen(UUID eventId, String projectId, long sequence, long queueAhead, Instant answeredAt, Instant seenAt,
              long totalNanos) {
        samples.add(new Sample(eventId, projectId, sequence, queueAhead, answeredAt, seenAt,
                appliedAt(projectId, sequence), totalNanos));
    }

    @Override
    public void close() {
        admin.close();
    }

    /** Per stage p50, p99 and max in milliseconds, and the five slowest samples stage by stage. */
    Map<String, Object> details() {
        Map<UUID, Instant> recorded = recordedAt();
        Map<UUID, Instant> sent = sentAt();
        List<long[]> stages = new ArrayList<>();
        List<Sample> complete = new ArrayList<>();
        int[] missing = new int[3];
        for (Sample sample : samples) {
            Instant recordedAt = recorded.get(sample.eventId());
            Instant sentAt = sent.get(sample.eventId());
            missing[0] += recordedAt == null ? 1 : 0;
            missing[1] += sentAt == null ? 1 : 0;
            missing[2] += sample.appliedAt() == null ? 1 : 0;
            if (recordedAt == null || sentAt == null || sample.appliedAt() == null) {
                continue;
            }
            complete.add(sample);
            stages.add(new long[] {micros(recordedAt, sample.answeredAt()), micros(sample.answeredAt(), sentAt),
                    micros(sentAt, sample.appliedAt()), micros(sample.appliedAt(), sample.seenAt())});
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("samplesWithStages", complete.size());
        details.put("funnelQueueAheadAt201Records", percentiles(complete.stream()
                .map(sample -> new long[] {sample.queueAhead()}).toList(), row -> row[0], 1));
        if (complete.size() < samples.size()) {
            details.put("samplesWithoutStages", String.format(Locale.ROOT,
                    "%d not found in the store, %d not on the topic, %d applied over by a later event", missing[0],
                    missing[1], missing[2]));
        }
        for (int stage = 0; stage < STAGES.length; stage++) {
            int index = stage;
            details.put(STAGES[stage] + "Ms", percentiles(stages, row -> row[index], 1000));
        }
        List<Integer> slowest = new ArrayList<>();
        for (int i = 0; i < complete.size(); i++) {
            slowest.add(i);
        }
        slowest.sort(Comparator.comparingLong((Integer i) -> complete.get(i).totalNanos()).reversed());
        List<String> described = new ArrayList<>();
        for (int i : slowest.subList(0, Math.min(5, slowest.size()))) {
            long[] row = stages.get(i);
            described.add(String.format(Locale.ROOT, "%.0f ms at %s: %s; %d records ahead in funnel-service",
                    complete.get(i).totalNanos() / 1e6, complete.get(i).answeredAt(), stageText(row),
                    complete.get(i).queueAhead()));
        }
        details.put("slowestSamples", described);
        details.put("stagesMethod", "recordedTo201: the event's store timestamp (taken in the command, before the "
                + "commit) to the 201; 201ToSent: to the record's producer timestamp on the topic; sentToApplying: to "
                + "funnel-service's apply transaction's start (applied_sequence.last_applied_at); applyingToSeen: to "
                + "the GET /api/funnel answer that counted it (the apply and its commit, then the probe's poll, every "
                + "20 ms)");
        return details;
    }

    private static String stageText(long[] row) {
        List<String> parts = new ArrayList<>();
        for (int stage = 0; stage < STAGES.length; stage++) {
            parts.add(String.format(Locale.ROOT, "%s %.1f", STAGES[stage], row[stage] / 1000.0));
        }
        return String.join(", ", parts);
    }

    /** p50, p99 and max of one column, each divided by {@code per} (1,000: microseconds shown in milliseconds). */
    private static String percentiles(List<long[]> rows, ToLongFunction<long[]> column, double per) {
        long[] values = rows.stream().mapToLong(column).sorted().toArray();
        if (values.length == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f, p99 %.1f, max %.1f", rank(values, 0.5) / per,
                rank(values, 0.99) / per, values[values.length - 1] / per);
    }

    private static long rank(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1000;
    }

    private Instant appliedAt(String projectId, long sequence) {
        String sql = "SELECT last_applied_at FROM " + system.activeFunnelSchema()
                + ".applied_sequence WHERE project_id = ?::uuid AND last_sequence = ?";
        try (Connection connection = GroundbreakSystem.connect(system.funnelDatabase);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, projectId);
            statement.setLong(2, sequence);
            try (ResultSet result = statement.executeQuery()) {
                // a later event of the project may have been applied meanwhile: no stage for this sample then
                return result.next() ? result.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** Axon's timestamp of each sampled event, as stored (ISO-8601 text); the event id of the answers is the envelope's. */
    private Map<UUID, Instant> recordedAt() {
        Map<UUID, Instant> recorded = new HashMap<>();
        try (Connection connection = GroundbreakSystem.connect(system.milestoneDatabase);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            for (Sample sample : samples) {
                statement.setString(1, sample.projectId());
                statement.setLong(2, sample.sequence());
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next()) {
                        recorded.put(sample.eventId(), Instant.parse(result.getString(1)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the sampled events' timestamps failed", e);
        }
        return recorded;
    }

    /** The producer timestamp of each sampled event's record, read from where the topic ended when the probe began. */
    private Map<UUID, Instant> sentAt() {
        Map<String, UUID> wanted = new HashMap<>();
        samples.forEach(sample -> wanted.put(sample.eventId().toString(), sample.eventId()));
        Map<UUID, Instant> sent = new HashMap<>();
        system.readTopic(topicStart, record -> {
            Header id = record.headers().lastHeader(CloudEventHeaders.ID);
            UUID eventId = id == null ? null : wanted.get(new String(id.value(), StandardCharsets.UTF_8));
            if (eventId != null) {
                sent.put(eventId, Instant.ofEpochMilli(record.timestamp()));
            }
        });
        return sent;
    }

    private record Sample(UUID eventId, String projectId, long sequence, long queueAhead, Instant answeredAt,
                          Instant seenAt, Instant appliedAt, long totalNanos) {
    }
}
