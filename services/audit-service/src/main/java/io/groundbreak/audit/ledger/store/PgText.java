package io.groundbreak.audit.ledger.store;

import io.groundbreak.events.EventCodec;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What PostgreSQL's {@code text} and {@code jsonb} cannot hold: U+0000. The columns get a sanitized copy,
 * each U+0000 written as U+2400 ('␀', SYMBOL FOR NULL), for queries; the exact values are kept as bytes
 * beside them (see {@link Ledger}), so nothing is lost and every hash still verifies. A lone surrogate
 * never gets here: the hash chain's canonical JSON refuses it, so such a record is parked as malformed.
 */
final class PgText {

    static final char NUL = '\u0000';
    static final char NUL_SYMBOL = '\u2400';

    private PgText() {
    }

    static boolean holdsNul(String text) {
        return text != null && text.indexOf(NUL) >= 0;
    }

    /** The text as a {@code text} column can hold it; null stays null. */
    static String safe(String text) {
        return holdsNul(text) ? text.replace(NUL, NUL_SYMBOL) : text;
    }

    static boolean holdsNul(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isString()) {
            return holdsNul(node.asString());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (holdsNul(member.getKey()) || holdsNul(member.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A copy of the JSON value that {@code jsonb} can hold: every U+0000 in names and strings made U+2400. */
    static JsonNode safe(JsonNode node) {
        if (node.isString()) {
            return EventCodec.jsonMapper().getNodeFactory().stringNode(safe(node.asString()));
        }
        if (node.isObject()) {
            ObjectNode copy = EventCodec.jsonMapper().createObjectNode();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                copy.set(safe(member.getKey()), safe(member.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = EventCodec.jsonMapper().createArrayNode();
            node.forEach(element -> copy.add(safe(element)));
            return copy;
        }
        return node;
    }
}
