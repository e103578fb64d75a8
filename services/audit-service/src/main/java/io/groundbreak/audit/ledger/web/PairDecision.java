package io.groundbreak.audit.ledger.web;

import io.groundbreak.audit.ledger.store.StoredEvent;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A duplicate decision naming the project, in its history: from the pair's stream ({@code stream} is {@code pair}),
 * not the project's, so it is beside the project's events, not among them. The decision, primary, reason, author and
 * time are read from the body as stored (like {@code event}, the event as the export writes it, so its hash can be
 * recomputed from the answer alone).
 */
record PairDecision(String stream, UUID pairId, long sequence, String decision, String primaryProjectId, String reason,
                    String recordedBy, Instant time, ObjectNode event) {

    static PairDecision of(StoredEvent stored) {
        ObjectNode event = stored.asAuditorReadsIt();
        JsonNode data = event.path("data");
        return new PairDecision("pair", stored.projectId(), stored.sequence(),
                data.path("same").asBoolean(false) ? "same" : "different", text(data.path("primaryProjectId")),
                text(data.path("reason")), stored.recordedBy(), stored.recordedAt(), event);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
