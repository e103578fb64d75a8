package io.groundbreak.milestone.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * How far the publisher is behind the event store: stored events whose publication Kafka has not yet
 * acknowledged (gauge {@code groundbreak.publisher.lag}, and the {@code publisher} health). Known only
 * on the instance that holds the publisher's segments; elsewhere the gauge is NaN.
 * <p>
 * The health is always UP: a write is acknowledged once it is stored, and the publisher sends it when
 * Kafka is back, so Kafka being away must not take milestone-service out of service (nor out of a load
 * balancer's readiness). The details say how far behind it is and why: {@code lag}, {@code head},
 * {@code position}, {@code state} ({@code publishing} or {@code retrying}), and while batches fail
 * {@code error} and {@code failingSince}; {@code lastAcknowledgedAt} when Kafka last took a batch. A
 * failed batch releases the processor's segment for a back-off; meanwhile the position last seen is
 * reported.
 */
@Component("publisher")
class PublisherLag implements MeterBinder, HealthIndicator {

    static final String GAUGE = "groundbreak.publisher.lag";

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ProjectEventPublisher publisher;
    /** The publisher's position when this instance last held its segments (-1: never). */
    private volatile long lastPosition = -1;

    PublisherLag(EventStore eventStore, EventProcessingConfiguration processing, ProjectEventPublisher publisher) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.publisher = publisher;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(GAUGE, this, PublisherLag::lagOrNaN)
                .description("events stored but not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
    }

    @Override
    public Health health() {
        Collection<EventTrackerStatus> segments = segments().values();
        long head = head();
        Health.Builder health = Health.up().withDetail("head", head);
        PublisherStatus status = publisher.status();
        if (status.lastAcknowledgedAt() != null) {
            health.withDetail("lastAcknowledgedAt", status.lastAcknowledgedAt().toString());
        }
        if (segments.isEmpty() && status.failingSince() == null) {
            return health.withDetail("segments", "none held by this instance").build();
        }
        if (segments.isEmpty()) {
            // a failed batch releases its segment until the processor's back-off has passed: this instance
            // is still the one publishing, from the position it last reported or had acknowledged
            health.withDetail("segments", "released after a failed batch; claimed again after a back-off");
            lastPosition = Math.max(lastPosition, status.acknowledgedPosition());
        } else {
            lastPosition = position(segments);
        }
        String error = segments.stream().filter(EventTrackerStatus::isErrorState).findFirst()
                .map(failing -> String.valueOf(failing.getError()))
                .orElse(status.lastFailure());
        boolean failing = error != null || status.failingSince() != null;
        health.withDetail("state", failing ? "retrying" : "publishing")
                .withDetail("position", lastPosition)
                .withDetail("lag", Math.max(0, head - lastPosition));
        if (error != null) {
            health.withDetail("error", error);
        }
        if (status.failingSince() != null) {
            health.withDetail("failingSince", status.failingSince().toString());
        }
        return health.build();
    }

    private double lagOrNaN() {
        Collection<EventTrackerStatus> segments = segments().values();
        if (segments.isEmpty()) {
            PublisherStatus status = publisher.status();
            return status.failingSince() == null ? Double.NaN
                    : Math.max(0, head() - Math.max(lastPosition, status.acknowledgedPosition()));
        }
        lastPosition = position(segments);
        return lag(segments, head());
    }

    /** The slowest segment decides: nothing after its position is known to be on Kafka. */
    private static long position(Collection<EventTrackerStatus> segments) {
        return segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min().orElse(-1);
    }

    private static long lag(Collection<EventTrackerStatus> segments, long head) {
        return Math.max(0, head - position(segments));
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.orElse(-1);
    }

    private Map<Integer, EventTrackerStatus> segments() {
        return processing.eventProcessor(ProjectEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus)
                .orElse(Map.of());
    }
}
