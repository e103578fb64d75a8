package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.EventTime;
import io.groundbreak.events.ProjectId;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * One stored row as it is, the body still as the JSON text the database holds (the exact values where the
 * row keeps exact bytes beside its sanitized columns). {@code storedCopyProblem} is null unless those
 * columns are not the sanitized copy of the exact bytes (changed behind the service's back).
 */
public record StoredEvent(UUID id, String type, UUID projectId, long sequence, Instant recordedAt, String recordedBy,
                          String prevHash, String hash, String district, String data, String storedCopyProblem) {

    /**
     * The hashed fields taken from the row as stored, the body as raw JSON: a body field our types do not
     * know (one written into the table behind the service's back) still counts when the hash is recomputed.
     */
    public ObjectNode hashedFields() {
        ObjectNode node = EventCodec.jsonMapper().createObjectNode();
        node.put("id", id.toString());
        node.put("type", type);
        node.put("subject", projectId.toString());
        node.put("sequence", sequence);
        node.put("time", EventTime.format(recordedAt));
        node.put("recordedBy", recordedBy);
        node.put("prevHash", prevHash);
        node.set("data", EventCodec.jsonMapper().readTree(data));
        return node;
    }

    /**
     * The event as an auditor reads it, in history and export: the fields of
     * {@link EventCodec#envelopeToTree}, the body exactly as stored (not re-read through our types, which
     * would drop a field written into the table behind our back and so hide the tampering from an auditor
     * who recomputes the hash).
     */
    public ObjectNode asAuditorReadsIt() {
        ObjectNode node = hashedFields();
        node.put("hash", hash);
        node.put("district", district);
        return node;
    }

    public EventEnvelope envelope() {
        return new EventEnvelope(id, type, new ProjectId(projectId), sequence, recordedAt, recordedBy, prevHash, hash,
                district, EventCodec.fromJson(type, data));
    }
}
