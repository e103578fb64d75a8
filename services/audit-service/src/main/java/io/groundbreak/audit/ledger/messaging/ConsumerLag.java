package io.groundbreak.audit.ledger.messaging;

import io.groundbreak.audit.ledger.freshness.IntakeLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How many records of the topic the consumer group has not consumed yet: the topic's end offsets minus the
 * group's committed offsets (the start offset for a partition it has not committed on), asked with an admin
 * client with a bounded timeout and cached for {@value #CACHE_SECONDS} s. Unknown (empty) while the broker
 * does not answer. Also the gauge {@value #LAG_METRIC}.
 * <p>
 * The answers' freshness ({@link #recordsBehind()}) never waits for the broker: it takes the last measurement, and
 * a stale one is measured again in the background, one at a time; one older than {@value #MAX_AGE_SECONDS} s (the
 * broker has not answered for that long) counts as unknown.
 */
@Component
public class ConsumerLag implements IntakeLag, DisposableBean {

    public static final String LAG_METRIC = "groundbreak.audit.events.lag";
    static final long CACHE_SECONDS = 5;
    static final long MAX_AGE_SECONDS = 15;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final String bootstrap;
    private final String topic;
    private final String group;
    private Admin admin;
    private Instant measuredAt = Instant.MIN;
    private OptionalLong lag = OptionalLong.empty();
    private String error;
    /** The last measurement, for {@link #recordsBehind()}: read without the lock. */
    private volatile Measured measured;
    private final AtomicBoolean measuring = new AtomicBoolean();

    private record Measured(Long lag, Instant at) {
    }

    ConsumerLag(@Value("${spring.cloud.stream.kafka.binder.brokers}") String bootstrap,
                @Value("${spring.cloud.stream.bindings.projectEvents-in-0.destination}") String topic,
                @Value("${spring.cloud.stream.bindings.projectEvents-in-0.group}") String group,
                MeterRegistry meters) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.group = group;
        Gauge.builder(LAG_METRIC, this, lag -> lag.lag().isPresent() ? lag.lag().getAsLong() : Double.NaN)
                .description("Records of the topic the consumer group has not consumed yet (NaN while unknown)")
                .register(meters);
    }

    /** The lag, measured at most {@value #CACHE_SECONDS} s ago; empty while it cannot be measured. */
    public synchronized OptionalLong lag() {
        if (Instant.now().isAfter(measuredAt.plusSeconds(CACHE_SECONDS))) {
            measure();
            measuredAt = Instant.now();
            measured = new Measured(lag.isPresent() ? lag.getAsLong() : null, measuredAt);
        }
        return lag;
    }

    /** The first answers after a start know the lag too, rather than calling it unknown until a reading exists. */
    @EventListener(ApplicationReadyEvent.class)
    void readFirst() {
        recordsBehind();
    }

    @Override
    public Long recordsBehind() {
        Measured last = measured;
        Instant now = Instant.now();
        if ((last == null || now.isAfter(last.at().plusSeconds(CACHE_SECONDS))) && measuring.compareAndSet(false, true)) {
            Thread refresh = new Thread(() -> {
                try {
                    lag();
                } finally {
                    measuring.set(false);
                }
            }, "audit-freshness-lag");
            refresh.setDaemon(true);
            refresh.start();
        }
        return last == null || now.isAfter(last.at().plusSeconds(MAX_AGE_SECONDS)) ? null : last.lag();
    }

    /** Why the lag is unknown, when it is. */
    public synchronized String error() {
        return error;
    }

    private void measure() {
        try {
            Admin client = admin();
            TopicDescription description = client.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            description.partitions().forEach(partition -> {
                TopicPartition topicPartition = new TopicPartition(topic, partition.partition());
                latest.put(topicPartition, OffsetSpec.latest());
                if (committed.get(topicPartition) == null) {
                    earliest.put(topicPartition, OffsetSpec.earliest());
                }
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
                    : client.listOffsets(earliest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long total = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long from = done != null ? done.offset() : starts.get(end.getKey()).offset();
                total += Math.max(0, end.getValue().offset() - from);
            }
            lag = OptionalLong.of(total);
            error = null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lag = OptionalLong.empty();
            error = e.toString();
            log.debug("Consumer lag unknown: {}", e.toString());
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "audit-service-lag",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                    AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1000,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 30000,
                    // without a broker, no rebootstrap loop flooding the log
                    AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none"));
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
