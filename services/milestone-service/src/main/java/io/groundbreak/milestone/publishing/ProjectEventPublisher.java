package io.groundbreak.milestone.publishing;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.ProjectEvent;
import io.groundbreak.milestone.envelope.EnvelopeMetaData;
import java.nio.charset.StandardCharsets;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event, in store order, to groundbreak.project-events.v1: key = projectId,
 * envelope as CloudEvents binary-mode headers, body as canonical JSON. Runs in a streaming processor,
 * so the token only moves past an event once Kafka acknowledged it (at-least-once).
 */
@Component
@ProcessingGroup(ProjectEventPublisher.PROCESSING_GROUP)
public class ProjectEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    static final String BINDING = "projectEvents-out-0";

    private final StreamBridge streamBridge;

    ProjectEventPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @EventHandler
    void publish(ProjectEvent event, @SequenceNumber long sequence, MetaData metaData) {
        EventEnvelope envelope = EnvelopeMetaData.envelope(event, sequence, metaData);
        if (!envelope.hashIsIntact()) {
            throw new IllegalStateException("stored event " + envelope.id() + " does not match its hash");
        }
        if (!streamBridge.send(BINDING, toMessage(envelope))) {
            throw new IllegalStateException("Kafka did not take event " + envelope.id());
        }
    }

    static Message<byte[]> toMessage(EventEnvelope envelope) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(EventCodec.toJsonBytes(envelope.data()))
                .setHeader(KafkaHeaders.KEY, utf8(envelope.subject().toString()));
        // raw UTF-8 bytes, as the CloudEvents Kafka binding expects (not JSON-quoted strings)
        CloudEventHeaders.of(envelope).forEach((name, value) -> message.setHeader(name, utf8(value)));
        return message.build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
