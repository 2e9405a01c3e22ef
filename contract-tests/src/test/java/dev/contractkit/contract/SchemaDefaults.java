package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A value with the defaults its schema documents filled in where a property is absent: what a generated
 * client's model holds after reading it, and sends after building it (openapi-generator initialises such
 * fields). Compared with that, an absent property and its documented default are the same value.
 */
final class SchemaDefaults {

    private SchemaDefaults() {
    }

    /** A copy of {@code value} with the defaults of {@code schema} (and its allOf parts, items, properties) filled. */
    static JsonNode filled(JsonNode document, JsonNode schema, JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return value;
        }
        JsonNode copy = value.deepCopy();
        fill(document, schema, copy, 0);
        return copy;
    }

    private static void fill(JsonNode document, JsonNode schema, JsonNode value, int depth) {
        if (depth > 32) {
            return; // a recursive schema: deep enough for any answer a test sends
        }
        for (JsonNode part : parts(document, schema)) {
            if (value instanceof ObjectNode object) {
                part.path("properties").fields().forEachRemaining(property -> {
                    JsonNode propertySchema = resolved(document, property.getValue());
                    JsonNode present = object.get(property.getKey());
                    if (present == null && propertySchema.has("default")) {
                        object.set(property.getKey(), propertySchema.get("default").deepCopy());
                    } else if (present != null) {
                        fill(document, propertySchema, present, depth + 1);
                    }
                });
            } else if (value instanceof ArrayNode array && part.has("items")) {
                array.forEach(item -> fill(document, part.get("items"), item, depth + 1));
            }
        }
    }

    /** The schema and the parts of its allOf, each with its $ref followed. */
    private static List<JsonNode> parts(JsonNode document, JsonNode schema) {
        List<JsonNode> parts = new ArrayList<>();
        JsonNode own = resolved(document, schema);
        parts.add(own);
        own.path("allOf").forEach(part -> parts.addAll(parts(document, part)));
        return parts;
    }

    private static JsonNode resolved(JsonNode document, JsonNode schema) {
        JsonNode at = schema;
        for (int hops = 0; hops < 16 && at.path("$ref").asText("").startsWith("#/"); hops++) {
            at = document.at(at.get("$ref").asText().substring(1));
        }
        return at;
    }
}
