package io.groundbreak.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 (JCS) written straight from a Jackson tree, for the values events hold: objects, arrays,
 * strings, booleans, null and integers a double represents exactly. Verification and the publisher
 * canonicalise every event; going through text and the JCS library's own parser cost three passes per
 * event (infra/bench/ANALYSIS.md). Anything else (a fraction, an exponent, an integer beyond 2^53) is left
 * to the library, which implements ECMAScript's number formatting: {@link #write} answers empty then.
 */
final class CanonicalJson {

    /** Integers up to 2^53 are exactly what ECMAScript's Number.prototype.toString prints for them. */
    private static final long LARGEST_EXACT_INTEGER = 1L << 53;

    private final StringBuilder out = new StringBuilder(512);

    private CanonicalJson() {
    }

    static Optional<String> write(JsonNode node) {
        CanonicalJson writer = new CanonicalJson();
        return writer.value(node) ? Optional.of(writer.out.toString()) : Optional.empty();
    }

    private boolean value(JsonNode node) {
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (!value(node.get(i))) {
                    return false;
                }
            }
            out.append(']');
            return true;
        }
        if (node.isString()) {
            return string(node.asString());
        }
        if (node.isBoolean()) {
            out.append(node.booleanValue());
            return true;
        }
        if (node.isNull()) {
            out.append("null");
            return true;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()
                && Math.abs(node.longValue()) <= LARGEST_EXACT_INTEGER) {
            out.append(node.longValue());
            return true;
        }
        return false;
    }

    private boolean object(JsonNode node) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // JCS sorts names by their UTF-16 code units, which is String's natural order
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (!string(member.getKey())) {
                return false;
            }
            out.append(':');
            if (!value(member.getValue())) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    /**
     * RFC 8785 3.2.2.2: only '"', '\\' and the control characters are escaped, the short forms where JSON has
     * them. A lone surrogate (not I-JSON) is left to the library to refuse. The characters between two escapes
     * are appended as one run: appending them one by one was a quarter of verification's time.
     */
    private boolean string(String text) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(text, run, i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                out.append(c).append(text.charAt(++i));
            } else {
                escape(c);
            }
            run = i + 1;
        }
        // most strings need no escape at all: appended whole, as a copy of the string's bytes
        (run == 0 ? out.append(text) : out.append(text, run, text.length())).append('"');
        return true;
    }

    /**
     * RFC 8785 section 3.2.2.2's escapes (audit-service's test IndependentJcs writes the same table apart, on purpose:
     * it checks this one).
     */
    private void escape(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
        }
    }
}
