package io.groundbreak.audit.ledger.record;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record exactly as it came off the topic: where from, key, headers (raw bytes) and value. Kept with
 * every parked record, so that a reprocess reads it again exactly as the consumer did.
 */
public record ReceivedRecord(String topic, int partition, long offset, byte[] key, Map<String, byte[]> headers,
                             byte[] value) {

    /** @throws io.groundbreak.events.MalformedEventException when it is not one of our events */
    public EventEnvelope envelope() {
        Map<String, String> text = new HashMap<>();
        headers.forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return CloudEventHeaders.read(text, value == null ? new byte[0] : value);
    }

    /** The headers as a JSON object of base64 values, UTF-8: the form kept in the table. */
    public byte[] headersJson() {
        ObjectNode node = EventCodec.jsonMapper().createObjectNode();
        headers.forEach((name, bytes) -> node.put(name, Base64.getEncoder().encodeToString(bytes)));
        return EventCodec.jsonMapper().writeValueAsBytes(node);
    }

    public static Map<String, byte[]> headersFromJson(byte[] json) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (json != null) {
            JsonNode node = EventCodec.jsonMapper().readTree(json);
            node.properties().forEach(member -> headers.put(member.getKey(),
                    Base64.getDecoder().decode(member.getValue().asString())));
        }
        return headers;
    }

    /** The event id the headers claim, if they claim one that reads as a UUID. */
    public Optional<UUID> claimedEventId() {
        return header(CloudEventHeaders.ID).flatMap(ReceivedRecord::uuid);
    }

    /** The project the headers (or else the key) claim. */
    public Optional<UUID> claimedProjectId() {
        Optional<UUID> subject = header(CloudEventHeaders.SUBJECT).flatMap(ReceivedRecord::uuid);
        return subject.isPresent() || key == null ? subject : uuid(new String(key, StandardCharsets.UTF_8));
    }

    public Optional<Long> claimedSequence() {
        return header(CloudEventHeaders.SEQUENCE).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public String describe() {
        return "record at " + topic + " partition " + partition + " offset " + offset;
    }

    private Optional<String> header(String name) {
        byte[] bytes = headers.get(name);
        return bytes == null ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
