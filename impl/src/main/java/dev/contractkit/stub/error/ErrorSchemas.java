package dev.contractkit.stub.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Error schemas read for their shape: $ref followed, allOf merged into one object schema, the first
 * alternative of a oneOf/anyOf taken. (The engine's reader of answer schemas is its own, package-private.)
 */
final class ErrorSchemas {

    private static final int MAX_HOPS = 32;

    private final JsonNode document;

    ErrorSchemas(JsonNode document) {
        this.document = document;
    }

    JsonNode document() {
        return document;
    }

    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        for (int hops = 0; schema != null && schema.has("$ref") && hops < MAX_HOPS; hops++) {
            String ref = schema.get("$ref").asText();
            schema = ref.startsWith("#/") ? document.at(ref.substring(1)) : null;
        }
        if (schema == null || !schema.isObject() || depth > MAX_HOPS) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!schema.has("allOf")) {
            for (String choice : new String[] {"oneOf", "anyOf"}) {
                if (!schema.has("properties") && schema.path(choice).size() > 0) {
                    return resolve(schema.get(choice).get(0), depth + 1);
                }
            }
            return schema;
        }
        ObjectNode merged = ((ObjectNode) schema).deepCopy();
        merged.remove("allOf");
        ObjectNode properties = merged.get("properties") instanceof ObjectNode p ? p : merged.putObject("properties");
        Set<String> required = new LinkedHashSet<>();
        merged.path("required").forEach(r -> required.add(r.asText()));
        for (JsonNode part : schema.get("allOf")) {
            JsonNode resolved = resolve(part, depth + 1);
            resolved.path("properties").fields().forEachRemaining(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
            resolved.path("required").forEach(r -> required.add(r.asText()));
            for (String keyword : new String[] {"type", "minItems", "maxItems", "items"}) {
                if (!merged.has(keyword) && resolved.has(keyword)) {
                    merged.set(keyword, resolved.get(keyword));
                }
            }
        }
        merged.putArray("required").addAll(required.stream().map(JsonNodeFactory.instance::textNode).toList());
        return merged;
    }

    /** The schema's type as written, or "object" for one with properties, "array" for one with items. */
    static String type(JsonNode resolved) {
        JsonNode type = resolved.path("type");
        if (type.isArray()) { // OpenAPI 3.1: ["string", "null"]
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return resolved.has("properties") ? "object" : resolved.has("items") ? "array" : "";
    }

    static Set<String> required(JsonNode resolved) {
        Set<String> required = new LinkedHashSet<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }
}
