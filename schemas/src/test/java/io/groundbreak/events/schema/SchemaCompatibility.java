package io.groundbreak.events.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compatibility guard: compares a released set of schema files with the current one and lists
 * every change that could break an existing reader. Events are replayed for years and read by
 * systems we do not upgrade, so both directions count:
 * <ul>
 * <li>every event valid under the released schema must stay valid (no narrowing: a new required
 *     field, a raised minimum, an enum value removed, a property closed off, a constraint added);</li>
 * <li>nothing a reader relies on may go (a field removed or renamed, a required field made
 *     optional, any change of type, format, pattern or const, by which readers parse).</li>
 * </ul>
 * Compatible: a new optional field, an enum value added (reference data grows), a bound relaxed,
 * descriptions, a new schema file, and a new conditional branch that only applies to a value the
 * released schema did not accept (the branch of a new event type). $refs are inlined first, so a
 * change in a shared definition is reported in every schema that uses it. A keyword this guard
 * does not know counts as breaking whenever its value changes.
 */
final class SchemaCompatibility {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "default");
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    /** Keywords whose value must not change at all: readers parse by them, or they select. */
    private static final Set<String> EXACT = Set.of("type", "const", "format", "pattern", "if", "not", "$id", "$schema");
    private static final Set<String> SUBSCHEMAS = Set.of("items", "contains", "propertyNames", "additionalProperties",
            "then", "else");

    private SchemaCompatibility() {
    }

    /** Breaking changes from {@code released} to {@code current}, both by file name as $refs name them. */
    static List<String> breakingChanges(Map<String, JsonNode> released, Map<String, JsonNode> current) {
        List<String> breaks = new ArrayList<>();
        for (String file : released.keySet()) {
            if (!current.containsKey(file)) {
                breaks.add(file + ": removed");
                continue;
            }
            try {
                compare(inline(released, file, released.get(file), 0), inline(current, file, current.get(file), 0),
                        file + ": ", breaks);
            } catch (IllegalArgumentException unresolvable) {
                breaks.add(unresolvable.getMessage());
            }
        }
        return breaks;
    }

    private static void compare(JsonNode old, JsonNode now, String at, List<String> breaks) {
        if (!old.isObject() || !now.isObject()) {
            if (!old.equals(now)) {
                breaks.add(at + "changed from " + old + " to " + now);
            }
            return;
        }
        if (widenedIntoAnyOf(old, now)) {
            // {x} became {anyOf: [{x}, {y}]}: every value the released schema admitted is still admitted (schema 1.2's
            // plan stream: a district, a source or a first event type that may also be the city's)
            compare(old, now.get("anyOf").get(0), at + "anyOf[0].", breaks);
            return;
        }
        Set<String> keywords = new java.util.TreeSet<>(old.propertyNames());
        keywords.addAll(now.propertyNames());
        for (String keyword : keywords) {
            JsonNode o = old.get(keyword);
            JsonNode n = now.get(keyword);
            String here = at + keyword;
            if (ANNOTATIONS.contains(keyword)) {
                continue;
            } else if (EXACT.contains(keyword)) {
                if (!Objects.equals(o, n)) {
                    breaks.add(here + " changed from " + o + " to " + n);
                }
            } else if (LOWER_BOUNDS.contains(keyword)) {
                if (n != null && (o == null || n.decimalValue().compareTo(o.decimalValue()) > 0)) {
                    breaks.add(here + " raised from " + o + " to " + n);
                }
            } else if (UPPER_BOUNDS.contains(keyword)) {
                if (n != null && (o == null || n.decimalValue().compareTo(o.decimalValue()) < 0)) {
                    breaks.add(here + " lowered from " + o + " to " + n);
                }
            } else if (keyword.equals("enum")) {
                if (n != null) {
                    List<JsonNode> removed = new ArrayList<>();
                    (o == null ? List.<JsonNode>of() : toList(o)).forEach(v -> {
                        if (!toList(n).contains(v)) {
                            removed.add(v);
                        }
                    });
                    if (o == null) {
                        breaks.add(here + " added: only " + n + " allowed");
                    } else if (!removed.isEmpty()) {
                        breaks.add(here + " no longer allows " + removed);
                    }
                }
            } else if (keyword.equals("required")) {
                Set<String> before = strings(o);
                Set<String> after = strings(n);
                after.stream().filter(f -> !before.contains(f)).sorted()
                        .forEach(f -> breaks.add(at + "properties." + f + " is newly required: released events lack it"));
                before.stream().filter(f -> !after.contains(f)).sorted()
                        .forEach(f -> breaks.add(at + "properties." + f + " is no longer required: readers rely on it"));
            } else if (keyword.equals("properties") || keyword.equals("$defs")) {
                if (o != null) {
                    for (String name : o.propertyNames()) {
                        if (n == null || !n.has(name)) {
                            breaks.add(here + "." + name + " removed or renamed");
                        } else {
                            compare(o.get(name), n.get(name), here + "." + name + ".", breaks);
                        }
                    }
                }
            } else if (SUBSCHEMAS.contains(keyword)) {
                if (o == null && n != null && !n.equals(JsonNodeFactory.instance.booleanNode(true))) {
                    breaks.add(here + " added: " + n);
                } else if (o != null && n != null) {
                    compare(o, n, here + ".", breaks);
                }
            } else if (keyword.equals("allOf")) {
                compareAllOf(old, o, n, here, breaks);
            } else if (keyword.equals("anyOf") && o != null && n != null && n.size() > o.size()) {
                // a branch added to anyOf admits more, refuses nothing the released schema admitted (e.g. one more
                // field that an amendment may carry alone); the released branches must stay as they were
                for (int i = 0; i < o.size(); i++) {
                    compare(o.get(i), n.get(i), here + "[" + i + "].", breaks);
                }
            } else if (keyword.equals("anyOf") || keyword.equals("oneOf") || keyword.equals("prefixItems")) {
                if (o == null || n == null || o.size() != n.size()) {
                    breaks.add(here + " changed from " + o + " to " + n);
                } else {
                    for (int i = 0; i < o.size(); i++) {
                        compare(o.get(i), n.get(i), here + "[" + i + "].", breaks);
                    }
                }
            } else if (!Objects.equals(o, n)) {
                breaks.add(here + " changed from " + o + " to " + n + " (a keyword the guard does not judge)");
            }
        }
    }

    /** The released schema had no anyOf and the current one constrains by an anyOf alone, released schema first. */
    private static boolean widenedIntoAnyOf(JsonNode old, JsonNode now) {
        if (old.has("anyOf") || !now.has("anyOf") || now.get("anyOf").size() < 2) {
            return false;
        }
        for (String keyword : now.propertyNames()) {
            if (!keyword.equals("anyOf") && !ANNOTATIONS.contains(keyword)) {
                return false;
            }
        }
        return true;
    }

    /** allOf entries are matched by their {@code if} when they have one, else by position. */
    private static void compareAllOf(JsonNode schema, JsonNode o, JsonNode n, String at, List<String> breaks) {
        List<JsonNode> before = o == null ? List.of() : toList(o);
        List<JsonNode> after = n == null ? List.of() : new ArrayList<>(toList(n));
        for (int i = 0; i < before.size(); i++) {
            JsonNode entry = before.get(i);
            JsonNode match = entry.has("if")
                    ? after.stream().filter(e -> entry.get("if").equals(e.get("if"))).findFirst().orElse(null)
                    : (i < after.size() && !after.get(i).has("if") ? after.get(i) : null);
            if (match == null) {
                breaks.add(at + "[" + i + "] removed: " + entry);
            } else {
                compare(entry, match, at + "[" + i + "].", breaks);
                after.remove(match);
            }
        }
        for (JsonNode added : after) {
            if (!appliesOnlyToValuesTheReleasedSchemaRefused(schema, added)) {
                breaks.add(at + " adds a constraint: " + added);
            }
        }
    }

    /** A branch {@code if: {properties: {p: {const: v}}}} where the released p had an enum without v. */
    private static boolean appliesOnlyToValuesTheReleasedSchemaRefused(JsonNode released, JsonNode branch) {
        JsonNode conditions = branch.at("/if/properties");
        if (!conditions.isObject() || conditions.size() != 1) {
            return false;
        }
        String property = conditions.propertyNames().iterator().next();
        JsonNode value = conditions.get(property).get("const");
        JsonNode allowed = released.at("/properties/" + property + "/enum");
        return value != null && allowed.isArray() && !toList(allowed).contains(value);
    }

    /** The schema with every $ref replaced by what it points at (siblings of $ref kept). */
    private static JsonNode inline(Map<String, JsonNode> files, String file, JsonNode node, int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException(file + ": $refs nest too deep (a recursive schema?)");
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(inline(files, file, item, depth + 1)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (node.has("$ref")) {
            String ref = node.get("$ref").asString();
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            String targetFile = target.isEmpty() ? file : target;
            JsonNode root = files.get(targetFile);
            if (root == null) {
                throw new IllegalArgumentException(file + ": $ref " + ref + " names a file that is not in the set");
            }
            JsonNode pointed = hash < 0 ? root : root.at(ref.substring(hash + 1));
            if (pointed.isMissingNode()) {
                throw new IllegalArgumentException(file + ": $ref " + ref + " points at nothing");
            }
            JsonNode resolved = inline(files, targetFile, pointed, depth + 1);
            if (resolved.isObject()) {
                result.setAll((ObjectNode) resolved);
                result.remove("$id");
            }
        }
        for (String name : node.propertyNames()) {
            if (name.equals("$ref")) {
                continue;
            }
            JsonNode value = node.get(name);
            boolean data = Set.of("const", "enum", "examples", "default").contains(name);
            result.set(name, data ? value : inline(files, file, value, depth + 1));
        }
        return result;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> set = new HashSet<>();
        if (array != null) {
            array.forEach(v -> set.add(v.asString()));
        }
        return set;
    }

    /** Parses files given as text, for tests. */
    static Map<String, JsonNode> parse(Map<String, String> texts) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        texts.forEach((file, text) -> files.put(file, io.groundbreak.events.EventCodec.jsonMapper().readTree(text)));
        return files;
    }
}
