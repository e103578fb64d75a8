package io.groundbreak.funnel.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.testsupport.net.FreePorts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The answers' freshness never waits for a broker that does not answer: the lag is unknown (null) at once. */
class ConsumerLagTest {

    @Test
    void aBrokerThatDoesNotAnswerMakesTheLagUnknownWithoutWaiting() {
        int nobody = FreePorts.take(1)[0];
        ConsumerLag lag = new ConsumerLag("127.0.0.1:" + nobody, "groundbreak.project-events.v1", "funnel-service",
                Duration.ofSeconds(5), Duration.ofSeconds(15), Clock.systemUTC());
        try {
            // the background reading takes its 2 s timeouts meanwhile; every answer is unknown and well under one of them
            // (a loaded machine may pause a call for a moment)
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> {
                long start = System.nanoTime();
                Long behind = lag.recordsBehind();
                return behind == null && Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000;
            });
            assertThat(lag.read().lag()).isNull();
            assertThat(lag.read().error()).isNotBlank();
        } finally {
            lag.destroy();
        }
    }
}
