package io.groundbreak.funnel.messaging;

import io.groundbreak.funnel.freshness.IntakeLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
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
 * How far the live consumer group is behind the topic: the sum over its partitions of end offset minus the
 * group's committed offset (the earliest offset where it has none), read with an AdminClient of its own with
 * short timeouts ({@value #TIMEOUT_MS} ms per call) and cached for {@code groundbreak.intake.lag-cache}
 * (5 s), so health checks and metric scrapes never hammer or hang on the broker. Unknown (null) when the
 * broker does not answer in time.
 * <p>
 * The answers' freshness ({@link #recordsBehind()}) never waits for the broker: it takes the last reading, and a
 * stale one is refreshed in the background, one at a time; a reading older than
 * {@code groundbreak.freshness.lag-max-age} (15 s: the broker has not answered for that long) counts as unknown.
 */
@Component
class ConsumerLag implements IntakeLag, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final int TIMEOUT_MS = 2000;

    /** One reading: the lag, or null and why not. */
    record Reading(Long lag, String error, Instant at) {
    }

    private final String brokers;
    private final String topic;
    private final String group;
    private final Duration cacheFor;
    private final Duration maxAge;
    private final Clock clock;
    /** Guards the admin client apart from the readings, so that creating it never holds up an answer. */
    private final Object adminLock = new Object();
    private Admin admin;
    private Reading last;
    private boolean refreshing;

    ConsumerLag(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
                @Value("${spring.cloud.stream.bindings.projectEvents-in-0.destination}") String topic,
                @Value("${spring.cloud.stream.bindings.projectEvents-in-0.group}") String group,
                @Value("${groundbreak.intake.lag-cache:5s}") Duration cacheFor,
                @Value("${groundbreak.freshness.lag-max-age:15s}") Duration maxAge, Clock clock) {
        this.brokers = brokers;
        this.topic = topic;
        this.group = group;
        this.cacheFor = cacheFor;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The cached reading, or a new one: this waits for the broker (up to a few timeouts), outside the lock. */
    Reading read() {
        Instant now = clock.instant();
        synchronized (this) {
            if (!stale(last, now)) {
                return last;
            }
        }
        Reading reading = measure(now);
        synchronized (this) {
            last = reading;
        }
        return reading;
    }

    /** The first answers after a start know the lag too, rather than calling it unknown until a reading exists. */
    @EventListener(ApplicationReadyEvent.class)
    void readFirst() {
        recordsBehind();
    }

    @Override
    public Long recordsBehind() {
        Instant now = clock.instant();
        Reading reading;
        synchronized (this) {
            reading = last;
            if (stale(reading, now) && !refreshing) {
                refreshing = true;
                Thread refresh = new Thread(this::refresh, "funnel-freshness-lag");
                refresh.setDaemon(true);
                refresh.start();
            }
        }
        return reading == null || reading.at().plus(maxAge).isBefore(now) ? null : reading.lag();
    }

    private void refresh() {
        try {
            read();
        } finally {
            synchronized (this) {
                refreshing = false;
            }
        }
    }

    private boolean stale(Reading reading, Instant now) {
        return reading == null || reading.at().plus(cacheFor).isBefore(now);
    }

    private Reading measure(Instant now) {
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = client.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = offsets(client, partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = offsets(client, partitions, OffsetSpec.earliest());
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                long from = at != null ? at.offset() : start.get(partition).offset();
                lag += Math.max(0, end.get(partition).offset() - from);
            }
            return new Reading(lag, null, now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading(null, "interrupted", now);
        } catch (Exception e) {
            log.debug("Could not measure the consumer group's lag", e);
            return new Reading(null, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        }
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(
            Admin client, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return client.listOffsets(request).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private Admin admin() {
        synchronized (adminLock) {
            if (admin == null) {
                admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                        AdminClientConfig.CLIENT_ID_CONFIG, "funnel-service-intake-lag",
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                        // as service-kit's KafkaClientDefaults for every client: a broker that is gone is retried (and
                        // logged) every 10 s at most
                        AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1_000,
                        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000,
                        AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 10_000));
            }
            return admin;
        }
    }

    @Override
    public void destroy() {
        synchronized (adminLock) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
                admin = null;
            }
        }
    }
}
