package io.groundbreak.funnel.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** eventIntake's verdict: parked records or a lag above the bound degrade it; an unknown lag alone does not. */
class EventIntakeHealthTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void upWithNothingParkedAndTheLagWithinItsBound() {
        Health health = EventIntakeHealth.assess(0L, null, new ConsumerLag.Reading(10_000L, null, NOW), 10_000);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("parked", 0L).containsEntry("lag", 10_000L)
                .containsEntry("maxLag", 10_000L);
    }

    @Test
    void degradedByAParkedRecordOrALagPastTheBound() {
        assertThat(EventIntakeHealth.assess(1L, null, new ConsumerLag.Reading(0L, null, NOW), 10_000).getStatus())
                .isEqualTo(new Status("DEGRADED"));
        assertThat(EventIntakeHealth.assess(0L, null, new ConsumerLag.Reading(10_001L, null, NOW), 10_000).getStatus())
                .isEqualTo(new Status("DEGRADED"));
    }

    @Test
    void anUnknownLagIsReportedAndAnUnknownParkedCountIsUnknown() {
        Health noBroker = EventIntakeHealth.assess(0L, null, new ConsumerLag.Reading(null, "TimeoutException: x", NOW), 5);
        assertThat(noBroker.getStatus()).isEqualTo(Status.UP);
        assertThat(noBroker.getDetails()).containsEntry("lag", null).containsEntry("lagError", "TimeoutException: x");
        Health noDatabase = EventIntakeHealth.assess(null, "CannotGetJdbcConnectionException: down",
                new ConsumerLag.Reading(0L, null, NOW), 5);
        assertThat(noDatabase.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(noDatabase.getDetails()).containsEntry("parkedError", "CannotGetJdbcConnectionException: down");
    }
}
