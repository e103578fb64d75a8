package io.groundbreak.audit.ledger.messaging;

import io.groundbreak.audit.ledger.ingest.EventIntake;
import io.groundbreak.audit.ledger.record.ReceivedRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The {@code projectEvents} function bound to groundbreak.project-events.v1. Every record goes to
 * {@link EventIntake}: stored, or parked with a reason. Only a failure of the database comes back (as
 * {@link io.groundbreak.audit.ledger.ingest.DatabaseUnavailable}); the container then tries the record
 * again until the database answers ({@link IntakeContainer}), so the record is never acknowledged unstored.
 */
@Configuration(proxyBeanMethods = false)
class ProjectEventsConsumer {

    /** Headers Spring adds to a message; everything else came with the record. */
    private static final Set<String> SPRING_HEADERS = Set.of(MessageHeaders.ID, MessageHeaders.TIMESTAMP,
            MessageHeaders.CONTENT_TYPE, "deliveryAttempt", "target-protocol");

    @Bean
    Consumer<Message<byte[]>> projectEvents(EventIntake intake) {
        return message -> intake.receive(received(message));
    }

    static ReceivedRecord received(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        Map<String, byte[]> recordHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith(KafkaHeaders.PREFIX) || name.startsWith("scst_") || SPRING_HEADERS.contains(name)) {
                return;
            }
            if (value instanceof byte[] bytes) {
                recordHeaders.put(name, bytes);
            } else if (value instanceof String text) {
                recordHeaders.put(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        Object key = headers.get(KafkaHeaders.RECEIVED_KEY);
        byte[] keyBytes = key instanceof byte[] bytes ? bytes
                : key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
        Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = headers.get(KafkaHeaders.OFFSET);
        return new ReceivedRecord(String.valueOf(headers.get(KafkaHeaders.RECEIVED_TOPIC)),
                partition instanceof Number number ? number.intValue() : -1,
                offset instanceof Number number ? number.longValue() : -1,
                keyBytes, recordHeaders, message.getPayload());
    }
}
