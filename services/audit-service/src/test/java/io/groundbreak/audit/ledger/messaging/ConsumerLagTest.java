package io.groundbreak.audit.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.testsupport.net.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The answers' freshness never waits for a broker that does not answer: the lag is unknown (null) at once. */
class ConsumerLagTest {

    @Test
    void aBrokerThatDoesNotAnswerMakesTheLagUnknownWithoutWaiting() {
        int nobody = FreePorts.take(1)[0];
        ConsumerLag lag = new ConsumerLag("127.0.0.1:" + nobody, "groundbreak.project-events.v1", "audit-service",
                new SimpleMeterRegistry());
        try {
            // the background measurement takes its 3 s timeouts meanwhile; every answer is unknown and well under one of
            // them (a loaded machine may pause a call for a moment)
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> {
                long start = System.nanoTime();
                Long behind = lag.recordsBehind();
                return behind == null && Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000;
            });
            assertThat(lag.lag()).isEmpty();
            assertThat(lag.error()).isNotBlank();
        } finally {
            lag.destroy();
        }
    }
}
