package io.groundbreak.audit.ledger.messaging;

import io.groundbreak.kit.messaging.CloudEventMessages;
import io.groundbreak.audit.ledger.ingest.LedgerIngest;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.MalformedEventException;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The {@code projectEvents} function bound to groundbreak.project-events.v1. Records that fail a check
 * are refused, not retried (a retry cannot repair them); a database failure goes back to the binder.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> projectEvents(LedgerIngest ingest) {
        return message -> {
            EventEnvelope envelope;
            try {
                envelope = CloudEventMessages.read(message);
            } catch (MalformedEventException e) {
                ingest.rejectMalformed("record at partition " + message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION)
                        + " offset " + message.getHeaders().get(KafkaHeaders.OFFSET) + ": " + e.getMessage());
                return;
            }
            ingest.ingest(envelope);
        };
    }
}
