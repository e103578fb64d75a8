package io.groundbreak.audit.ledger.record;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    /** The headers as a JSON object of base64 values (names in order), UTF-8: the form kept in the table. */
    public byte[] headersJson() {
        ObjectNode node = EventCodec.jsonMapper().createObjectNode();
        new TreeMap<>(headers).forEach((name, bytes) -> node.put(name, Base64.getEncoder().encodeToString(bytes)));
        return EventCodec.jsonMapper().writeValueAsBytes(node);
    }

    /**
     * SHA-256 (hex) of the key, the headers (by name) and the value, each length-prefixed: the same record
     * whether delivered again (offsets reset) or sent again (a new offset).
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            part(sha, key);
            part(sha, headersJson());
            part(sha, value);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void part(MessageDigest sha, byte[] bytes) {
        if (bytes == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
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
