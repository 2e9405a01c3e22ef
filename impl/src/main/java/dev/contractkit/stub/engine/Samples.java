package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A deterministic value for a schema, for answers the spec documents no example of: the schema's own
 * example or default where it has one that fits the schema (a vendor's may not: {@link ExampleFit}), else
 * the first enum value, else a value of its type and format.
 * Objects get every property they declare (an answer shows the whole shape), arrays their minimum items.
 */
public final class Samples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;

    private final Schemas schemas;
    private final ExampleFit fit;

    Samples(Schemas schemas) {
        this.schemas = schemas;
        this.fit = new ExampleFit(schemas);
    }

    /** Samples of the schemas of this spec (a request body to try, an item to seed). */
    public static Samples of(dev.contractkit.stub.spec.OpenApiSpec spec) {
        return new Samples(new Schemas(spec.document()));
    }

    public JsonNode of(JsonNode schema) {
        return of(schema, 0, false);
    }

    /** The same, but objects get only the properties they require: the frame of an answer built around items. */
    JsonNode required(JsonNode schema) {
        return of(schema, 0, true);
    }

    private JsonNode of(JsonNode raw, int depth, boolean onlyRequired) {
        JsonNode schema = schemas.resolve(raw);
        for (String documented : new String[] {"example", "default"}) {
            JsonNode value = schema.path(documented);
            if (!value.isMissingNode() && !value.isNull() && fit.fits(schema, value)) {
                return value.deepCopy();
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            for (JsonNode value : schema.get("enum")) {
                if (!value.isNull()) {
                    return value.deepCopy();
                }
            }
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (schema.path(choice).size() > 0) {
                return of(schema.get(choice).get(0), depth + 1, onlyRequired);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        if (depth > MAX_DEPTH && (type.equals("object") || type.equals("array"))) {
            return schema.path("nullable").asBoolean() ? JSON.nullNode() : type.equals("array") ? JSON.arrayNode() : JSON.objectNode();
        }
        return switch (type) {
            case "object" -> object(schema, depth, onlyRequired);
            case "array" -> array(schema, depth, onlyRequired);
            case "integer" -> JSON.numberNode(Math.max(0, schema.path("minimum").asLong(0)));
            case "number" -> JSON.numberNode(Math.max(0, schema.path("minimum").asDouble(0)));
            case "boolean" -> JSON.booleanNode(false);
            case "string" -> TextNode.valueOf(string(schema));
            default -> JSON.nullNode();
        };
    }

    private ObjectNode object(JsonNode schema, int depth, boolean onlyRequired) {
        ObjectNode object = JSON.objectNode();
        java.util.Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> {
            if (!onlyRequired || required.contains(p.getKey())) {
                object.set(p.getKey(), of(p.getValue(), depth + 1, onlyRequired));
            }
        });
        return object;
    }

    private ArrayNode array(JsonNode schema, int depth, boolean onlyRequired) {
        ArrayNode array = JSON.arrayNode();
        for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
            array.add(of(schema.path("items"), depth + 1, onlyRequired));
        }
        return array;
    }

    private static String string(JsonNode schema) {
        String value = switch (schema.path("format").asText()) {
            case "date-time" -> "2026-01-01T00:00:00.000Z";
            case "date" -> "2026-01-01";
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            case "email" -> "someone@example.com";
            case "uri", "url" -> "https://example.com";
            default -> Ids.fitting(schema, 0);
        };
        int min = schema.path("minLength").asInt(0);
        return value.length() >= min ? value : value + "x".repeat(min - value.length());
    }
}
