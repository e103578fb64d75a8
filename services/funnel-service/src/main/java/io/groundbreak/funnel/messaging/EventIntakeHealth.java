package io.groundbreak.funnel.messaging;

import io.groundbreak.funnel.deadletter.DatabaseWait;
import io.groundbreak.funnel.deadletter.DeadLetterOperations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health indicator {@code eventIntake}: {@code DEGRADED} while any record is parked and
 * outstanding, or while the consumer group is more than {@code groundbreak.intake.max-lag} records behind the
 * topic; {@code UP} otherwise. Details {@code parked}, {@code lag} (null when the broker did not answer in time,
 * with {@code lagError}), {@code maxLag}. The process itself is fine either way: liveness, readiness and the root
 * health stay UP (application.yml), so that no instance leaves its load balancer over what every instance shares;
 * monitoring reads this status. Also the gauges {@code groundbreak.funnel.events.parked} and
 * {@code groundbreak.funnel.consumer.lag}.
 */
@Component("eventIntake")
class EventIntakeHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "records parked or the consumer is behind");
    private static final Duration PARKED_CACHE = Duration.ofSeconds(2);

    private final DeadLetterOperations deadLetters;
    private final ConsumerLag lag;
    private final long maxLag;
    private final Clock clock;
    private Long parked;
    private Instant parkedAt;

    EventIntakeHealth(DeadLetterOperations deadLetters, ConsumerLag lag,
                      @Value("${groundbreak.intake.max-lag:10000}") long maxLag, Clock clock, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.lag = lag;
        this.maxLag = maxLag;
        this.clock = clock;
        Gauge.builder("groundbreak.funnel.events.parked", this, health -> orNaN(health.parkedCached()))
                .description("Records parked in dead_letter and outstanding (neither reprocessed nor discarded)")
                .register(meters);
        Gauge.builder("groundbreak.funnel.consumer.lag", this, health -> orNaN(health.lag.read().lag()))
                .description("Records of the topic the consumer group has not committed yet")
                .register(meters);
    }

    @Override
    public Health health() {
        Long outstanding;
        String parkedError = null;
        try {
            outstanding = deadLetters.outstanding();
            remember(outstanding);
        } catch (RuntimeException e) {
            outstanding = null;
            parkedError = DatabaseWait.root(e);
        }
        return assess(outstanding, parkedError, lag.read(), maxLag);
    }

    /** UP, DEGRADED (anything outstanding, or a known lag above maxLag), or UNKNOWN (outstanding not known). */
    static Health assess(Long outstanding, String parkedError, ConsumerLag.Reading reading, long maxLag) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parked", outstanding);
        if (parkedError != null) {
            details.put("parkedError", parkedError);
        }
        details.put("lag", reading.lag());
        details.put("maxLag", maxLag);
        if (reading.error() != null) {
            details.put("lagError", reading.error());
        }
        boolean degraded = (outstanding != null && outstanding > 0) || (reading.lag() != null && reading.lag() > maxLag);
        Status status = outstanding == null ? Status.UNKNOWN : degraded ? DEGRADED : Status.UP;
        return Health.status(status).withDetails(details).build();
    }

    private synchronized void remember(long outstanding) {
        parked = outstanding;
        parkedAt = clock.instant();
    }

    private synchronized Long parkedCached() {
        if (parkedAt == null || parkedAt.plus(PARKED_CACHE).isBefore(clock.instant())) {
            try {
                remember(deadLetters.outstanding());
            } catch (RuntimeException e) {
                return null;
            }
        }
        return parked;
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }
}
