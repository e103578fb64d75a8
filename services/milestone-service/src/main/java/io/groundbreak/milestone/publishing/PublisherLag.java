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
 */
@Component("publisher")
class PublisherLag implements MeterBinder, HealthIndicator {

    static final String GAUGE = "groundbreak.publisher.lag";

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    PublisherLag(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.processing = processing;
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
        if (segments.isEmpty()) {
            return Health.up().withDetail("head", head)
                    .withDetail("segments", "none held by this instance").build();
        }
        Health.Builder health = segments.stream().anyMatch(EventTrackerStatus::isErrorState) ? Health.down() : Health.up();
        segments.stream().filter(EventTrackerStatus::isErrorState).findFirst()
                .ifPresent(failing -> health.withDetail("error", String.valueOf(failing.getError())));
        return health.withDetail("head", head).withDetail("lag", lag(segments, head)).build();
    }

    private double lagOrNaN() {
        Collection<EventTrackerStatus> segments = segments().values();
        return segments.isEmpty() ? Double.NaN : lag(segments, head());
    }

    /** The slowest segment decides: nothing after its position is known to be on Kafka. */
    private static long lag(Collection<EventTrackerStatus> segments, long head) {
        long slowest = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min().orElse(-1);
        return Math.max(0, head - slowest);
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
