package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies an OpenAPI Overlay 1.0 document (actions of "target" + "update") to a spec, so that rules a
 * vendor's own file leaves out can live beside it instead of in it. Targets are the plain-member subset of
 * JSONPath ($.a.b['c/d']); anything else is refused rather than guessed at.
 */
final class Overlay {

    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z0-9_$-]+)|\\['([^']+)'\\]");

    private Overlay() {
    }

    static void apply(JsonNode overlay, ObjectNode document) {
        for (JsonNode action : overlay.path("actions")) {
            String target = action.path("target").asText();
            JsonNode node = document;
            for (String member : members(target)) {
                node = node.path(member);
            }
            if (!action.path("update").isObject()) {
                throw new IllegalStateException("overlay action for " + target + " has no update object");
            }
            // As the Overlay spec says: a target that selects nothing changes nothing. A newer vendor file
            // without the operation a rule was written for still loads.
            if (node instanceof ObjectNode object) {
                merge(object, (ObjectNode) action.get("update"));
            }
        }
    }

    private static List<String> members(String target) {
        if (!target.startsWith("$")) {
            throw new IllegalStateException("overlay target must start with $: " + target);
        }
        List<String> members = new ArrayList<>();
        Matcher m = SEGMENT.matcher(target);
        int at = 1;
        while (at < target.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalStateException("unsupported overlay target (plain members only): " + target);
            }
            members.add(m.group(1) != null ? m.group(1) : m.group(2));
            at = m.end();
        }
        return members;
    }

    private static void merge(ObjectNode into, ObjectNode update) {
        update.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && into.get(e.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
