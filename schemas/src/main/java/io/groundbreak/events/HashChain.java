package io.groundbreak.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash chain of docs/events.md: {@code hash} is the lowercase hex SHA-256 of the RFC 8785 (JCS)
 * canonical JSON of {@code {id,type,subject,sequence,time,recordedBy,prevHash,data}}; the first
 * event of a project links to 64 zeros.
 */
public final class HashChain {

    public static final String GENESIS_PREV_HASH = "0".repeat(64);

    /** The fields the hash covers, in docs/events.md's order (JCS sorts them anyway). */
    public static final List<String> HASHED_FIELDS =
            List.of("id", "type", "subject", "sequence", "time", "recordedBy", "prevHash", "data");

    /** One digest per thread, reset by each {@code digest()}: looking the algorithm up cost more than hashing an event. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private HashChain() {
    }

    /** Builds an event's envelope and seals it with its hash; {@code time} is cut to milliseconds. */
    public static EventEnvelope seal(UUID id, long sequence, Instant time, String recordedBy,
                                     String prevHash, String district, ProjectEvent data) {
        EventEnvelope unsealed = new EventEnvelope(id, data.type(), data.projectId(), sequence,
                EventTime.truncate(time), recordedBy, prevHash, null, district, data);
        return new EventEnvelope(unsealed.id(), unsealed.type(), unsealed.subject(), sequence,
                unsealed.time(), recordedBy, prevHash, hashOf(unsealed), district, data);
    }

    /** The hash the chain gives for an envelope's fields (its own {@code hash} is ignored). */
    public static String hashOf(EventEnvelope envelope) {
        return sha256Hex(canonicalJson(envelope));
    }

    /** The exact bytes that are hashed, as text: JCS of the hashed fields. */
    public static String canonicalJson(EventEnvelope envelope) {
        return canonicalize(hashedFields(envelope));
    }

    /**
     * The hash of an envelope given as JSON, such as a line of the audit export or a record rebuilt
     * from its headers: the recipe applied to the fields as they are written, so that a body field
     * this version does not know still counts and nothing passes through our types on the way.
     *
     * @throws MalformedEventException when the text is not a JSON object or a hashed field is missing
     */
    public static String hashOfJson(String envelopeJson) {
        try {
            return hashOfJson(EventCodec.jsonMapper().readTree(envelopeJson));
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@link #hashOfJson(String)} of a parsed envelope. */
    public static String hashOfJson(JsonNode envelope) {
        return sha256Hex(canonicalJson(envelope));
    }

    /** The exact text that is hashed for an envelope given as JSON: JCS of its hashed fields only. */
    public static String canonicalJson(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            throw new MalformedEventException("an envelope is a JSON object");
        }
        ObjectNode hashed = EventCodec.jsonMapper().createObjectNode();
        for (String field : HASHED_FIELDS) {
            JsonNode value = envelope.get(field);
            if (value == null) {
                throw new MalformedEventException("envelope field '" + field + "' is missing");
            }
            hashed.set(field, value);
        }
        return canonicalize(hashed);
    }

    /**
     * RFC 8785 of any JSON value: written directly where {@link CanonicalJson} covers every value in it,
     * otherwise Jackson writes it and the JCS library canonicalises the text.
     */
    static String canonicalize(JsonNode node) {
        Optional<String> direct = CanonicalJson.write(node);
        if (direct.isPresent()) {
            return direct.get();
        }
        try {
            return new JsonCanonicalizer(EventCodec.jsonMapper().writeValueAsString(node)).getEncodedString();
        } catch (java.io.IOException e) {
            throw new MalformedEventException("not canonicalisable (RFC 8785 / I-JSON): " + e.getMessage(), e);
        }
    }

    static ObjectNode hashedFields(EventEnvelope envelope) {
        ObjectNode node = EventCodec.jsonMapper().createObjectNode();
        node.put("id", envelope.id().toString());
        node.put("type", envelope.type());
        node.put("subject", envelope.subject().toString());
        node.put("sequence", envelope.sequence());
        node.put("time", EventTime.format(envelope.time()));
        node.put("recordedBy", envelope.recordedBy());
        node.put("prevHash", envelope.prevHash());
        node.set("data", EventCodec.toTree(envelope.data()));
        return node;
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
