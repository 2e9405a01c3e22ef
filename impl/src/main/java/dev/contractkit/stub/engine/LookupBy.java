package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lookup by one or more path parameters matched against fields of the item, nested ones too: x-contract-kit
 * "lookupBy", a list of cases, or inferred from a path such as /things/integration/{integrationType}/{integrationId}
 * over items holding integrations: [{type, id}]. Each case is {match: {param: /pointer}, when: {param: value(s)}}:
 * the first case whose "when" the request's parameters meet is used, and an item is found when, for every
 * parameter of its "match", the item holds the parameter's value at the pointer. A "*" segment stands for any
 * element of an array, and pointers that share a prefix up to a "*" must hold in the same element (the type and
 * the id of one integration, not of two). A pointer that reaches an array holds a value one of its elements equals.
 */
public final class LookupBy {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LookupBy() {
    }

    /** The case that applies to these path parameters, or null: none does, so no item can be found. */
    public static JsonNode applying(JsonNode cases, Map<String, String> params) {
        for (JsonNode each : cases) {
            if (meets(each.path("when"), params)) {
                return each;
            }
        }
        return null;
    }

    private static boolean meets(JsonNode when, Map<String, String> params) {
        for (var it = when.fields(); it.hasNext(); ) {
            var condition = it.next();
            String value = params.get(condition.getKey());
            boolean any = false;
            for (JsonNode allowed : condition.getValue().isArray() ? condition.getValue() : JSON.arrayNode().add(condition.getValue())) {
                any |= allowed.asText().equals(value);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** Whether the item holds, at each pointer of the case's "match", the value of the parameter it names. */
    static boolean finds(JsonNode match, Map<String, String> params, JsonNode item) {
        List<Condition> conditions = new ArrayList<>();
        match.fields().forEachRemaining(m -> conditions.add(new Condition(segments(m.getValue().asText()), params.get(m.getKey()))));
        return holds(item, conditions);
    }

    private record Condition(List<String> path, String value) {
        Condition tail() {
            return new Condition(path.subList(1, path.size()), value);
        }
    }

    private static boolean holds(JsonNode node, List<Condition> conditions) {
        Map<String, List<Condition>> byHead = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            if (condition.path().isEmpty()) {
                if (!equal(node, condition.value())) {
                    return false;
                }
            } else {
                byHead.computeIfAbsent(condition.path().get(0), h -> new ArrayList<>()).add(condition.tail());
            }
        }
        for (var group : byHead.entrySet()) {
            if (!group.getKey().equals("*")) {
                if (!holds(node.path(group.getKey()), group.getValue())) {
                    return false;
                }
                continue;
            }
            boolean inOne = false;
            for (JsonNode element : node.isArray() ? node : JSON.arrayNode()) {
                inOne |= holds(element, group.getValue());
            }
            if (!inOne) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(JsonNode node, String value) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (equal(element, value)) {
                    return true;
                }
            }
            return false;
        }
        return value != null && node.isValueNode() && !node.isNull() && node.asText().equals(value);
    }

    static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        for (String segment : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            segments.add(segment.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    /**
     * Path parameters and an item that a lookup of these cases finds, from parameters that fit the path (a test's
     * valid request): the case these parameters meet, else the first, its "when" values sent; the item holds each
     * "match" parameter's value at its pointer (one array element for a "*").
     */
    public static Map.Entry<Map<String, String>, ObjectNode> sample(JsonNode cases, Map<String, String> fitting) {
        Map<String, String> params = new LinkedHashMap<>(fitting);
        JsonNode chosen = applying(cases, params);
        if (chosen == null && cases.size() > 0) {
            chosen = cases.get(0);
            chosen.path("when").fields().forEachRemaining(w -> params.put(w.getKey(),
                    (w.getValue().isArray() ? w.getValue().get(0) : w.getValue()).asText()));
        }
        ObjectNode item = JSON.objectNode();
        if (chosen != null) {
            chosen.path("match").fields().forEachRemaining(m -> place(item, segments(m.getValue().asText()), params.get(m.getKey())));
        }
        return Map.entry(params, item);
    }

    private static void place(ObjectNode item, List<String> path, String value) {
        JsonNode node = item;
        for (int i = 0; i < path.size(); i++) {
            boolean last = i == path.size() - 1;
            String next = last ? null : path.get(i + 1);
            if (node instanceof ArrayNode array) {
                if (array.isEmpty()) {
                    array.add(last ? JSON.textNode(value) : next.equals("*") ? JSON.arrayNode() : JSON.objectNode());
                }
                node = array.get(0);
                continue;
            }
            ObjectNode object = (ObjectNode) node;
            String name = path.get(i);
            if (last) {
                object.put(name, value);
            } else if (!object.has(name)) {
                object.set(name, next.equals("*") ? JSON.arrayNode() : JSON.objectNode());
            }
            node = object.get(name);
        }
    }
}
