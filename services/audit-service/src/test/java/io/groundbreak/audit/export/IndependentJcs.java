package io.groundbreak.audit.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 for the JSON our events hold (objects, arrays, strings, integers, booleans), written from the RFC and
 * sharing no code with the service: keys sorted by UTF-16 code units (what {@link String#compareTo} does),
 * no white space, strings escaped as section 3.2.2.2 says (the two-character escapes, other control
 * characters as six-character escapes with lowercase hex, everything else as itself).
 */
final class IndependentJcs {

    private IndependentJcs() {
    }

    static String canonicalize(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(value.properties());
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isString()) {
            string(value.asString(), out);
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue().toString());
        } else if (value.isBoolean()) {
            // schema 1.3's DuplicateDecided.same: a literal is written as itself (RFC 8785 section 3.2.2.1)
            out.append(value.asBoolean());
        } else {
            throw new IllegalArgumentException("not a value our events hold: " + value);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
