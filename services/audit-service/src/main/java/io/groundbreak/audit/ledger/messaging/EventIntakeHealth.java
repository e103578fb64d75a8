package io.groundbreak.audit.ledger.messaging;

import io.groundbreak.audit.ledger.ingest.DeadLetterOperations;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code eventIntake} (the bean name less "HealthIndicator"): {@code DEGRADED} while any record is parked (outstanding) or the consumer group is more
 * than {@code groundbreak.intake.max-lag} records behind the topic, else {@code UP}; details {@code parked},
 * {@code lag} (-1 while the broker does not say, with {@code lagError}) and {@code maxLag}. Monitoring reads it; the root
 * health, liveness and readiness stay UP (the process is fine and answers), so that no instance leaves its load balancer
 * over what every instance shares, see application.yml.
 */
@Component("eventIntakeHealthIndicator")
class EventIntakeHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED");

    private final DeadLetterOperations deadLetters;
    private final ConsumerLag consumerLag;
    private final long maxLag;

    EventIntakeHealth(DeadLetterOperations deadLetters, ConsumerLag consumerLag,
                      @Value("${groundbreak.intake.max-lag:10000}") long maxLag) {
        this.deadLetters = deadLetters;
        this.consumerLag = consumerLag;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        long parked = deadLetters.countOutstanding();
        OptionalLong lag = consumerLag.lag();
        boolean degraded = parked > 0 || (lag.isPresent() && lag.getAsLong() > maxLag);
        Health.Builder health = Health.status(degraded ? DEGRADED : Status.UP)
                .withDetail("parked", parked)
                .withDetail("lag", lag.isPresent() ? lag.getAsLong() : -1)
                .withDetail("maxLag", maxLag);
        if (lag.isEmpty() && consumerLag.error() != null) {
            health.withDetail("lagError", consumerLag.error());
        }
        return health.build();
    }
}
