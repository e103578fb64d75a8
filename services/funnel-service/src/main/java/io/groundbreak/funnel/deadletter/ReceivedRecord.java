package io.groundbreak.funnel.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A record of the topic as it was received, kept whole when it is parked so that it can be read again:
 * where it came from, its key, its value and its headers (names and raw values, in order).
 */
public record ReceivedRecord(String topic, int partition, long offset, byte[] key, byte[] value,
                             List<String> headerNames, List<byte[]> headerValues) {

    public ReceivedRecord {
        headerNames = List.copyOf(headerNames);
        headerValues = headerValues.stream().map(bytes -> bytes == null ? new byte[0] : bytes).toList();
        if (headerNames.size() != headerValues.size()) {
            throw new IllegalArgumentException("one value per header name");
        }
    }

    /** The headers as text (the CloudEvents Kafka binding's header values are UTF-8); the last of a name wins. */
    public Map<String, String> textHeaders() {
        Map<String, String> text = new HashMap<>();
        for (int i = 0; i < headerNames.size(); i++) {
            byte[] value = headerValues.get(i);
            text.put(headerNames.get(i), value == null ? "" : new String(value, StandardCharsets.UTF_8));
        }
        return text;
    }

    /** The project the record names (its key, else its ce_subject), when that is a UUID. */
    public Optional<UUID> projectId(String subjectHeader) {
        Optional<UUID> fromKey = key == null ? Optional.empty() : uuid(new String(key, StandardCharsets.UTF_8));
        return fromKey.isPresent() ? fromKey : uuid(textHeaders().get(subjectHeader));
    }

    static Optional<UUID> uuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
