package io.groundbreak.kit.messaging;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/** Reads a Kafka record delivered by Spring Cloud Stream as a Groundbreak event. */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /** @throws io.groundbreak.events.MalformedEventException when the record is not one of our events */
    public static EventEnvelope read(Message<byte[]> message) {
        return CloudEventHeaders.read(asText(message.getHeaders()), message.getPayload());
    }

    /** Kafka header values arrive as raw bytes; the CloudEvents Kafka binding says they are UTF-8 text. */
    static Map<String, String> asText(MessageHeaders headers) {
        Map<String, String> text = new HashMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                text.put(name, new String(bytes, StandardCharsets.UTF_8));
            } else if (value instanceof String string) {
                text.put(name, string);
            }
        });
        return text;
    }
}
