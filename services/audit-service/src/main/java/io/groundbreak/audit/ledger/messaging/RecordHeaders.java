package io.groundbreak.audit.ledger.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.messaging.MessageHeaders;

/** Kafka header values arrive as raw bytes; the CloudEvents Kafka binding says they are UTF-8 text. */
final class RecordHeaders {

    private RecordHeaders() {
    }

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
