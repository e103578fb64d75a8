package io.groundbreak.funnel.funnel.messaging;

import io.groundbreak.events.EventEnvelope;
import io.groundbreak.funnel.funnel.projection.FunnelProjection;
import io.groundbreak.funnel.funnel.projection.Outcome;
import io.groundbreak.kit.messaging.CloudEventMessages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code projectEvents} function bound to groundbreak.project-events.v1. A record that is not a
 * Groundbreak event throws {@link io.groundbreak.events.MalformedEventException}, which the binding
 * does not retry: it goes straight to the dead-letter topic. A sequence gap throws {@link SequenceGap},
 * which is retried and then dead-lettered (see {@link DeadLetters}). A redelivery is counted and skipped.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProjectEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> projectEvents(FunnelProjection projection, MeterRegistry meters) {
        Counter redelivered = Counter.builder("groundbreak.funnel.events.redelivered")
                .description("Records skipped because their event was applied already")
                .register(meters);
        return message -> {
            EventEnvelope envelope = CloudEventMessages.read(message);
            Outcome outcome = projection.applyLive(envelope);
            if (outcome == Outcome.GAP) {
                throw new SequenceGap(envelope.subject(), envelope.sequence());
            }
            if (outcome == Outcome.REDELIVERED) {
                redelivered.increment();
                log.debug("Skipped redelivered event {} of project {} (sequence {})",
                        envelope.id(), envelope.subject(), envelope.sequence());
            }
        };
    }
}
