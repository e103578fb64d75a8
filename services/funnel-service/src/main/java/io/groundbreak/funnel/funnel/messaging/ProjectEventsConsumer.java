package io.groundbreak.funnel.funnel.messaging;

import io.groundbreak.kit.messaging.CloudEventMessages;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code projectEvents} function bound to groundbreak.project-events.v1. A record that is not a
 * Groundbreak event is logged and skipped (retrying cannot repair it); anything the projection throws,
 * a sequence gap included, goes back to the binder, which retries.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProjectEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> projectEvents(FunnelProjection projection, MeterRegistry meters) {
        Counter malformed = Counter.builder("groundbreak.funnel.events.malformed")
                .description("Records on the project events topic that could not be read as events")
                .register(meters);
        return message -> {
            EventEnvelope envelope;
            try {
                envelope = CloudEventMessages.read(message);
            } catch (MalformedEventException e) {
                malformed.increment();
                log.error("Skipped record at partition {} offset {}: {}",
                        message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
                        message.getHeaders().get(KafkaHeaders.OFFSET), e.getMessage());
                return;
            }
            projection.apply(envelope);
        };
    }
}
