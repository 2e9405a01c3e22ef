package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads schemas of a spec as written: references followed, allOf merged, for shapes rather than checks. */
final class Schemas {

    /** Resolved schemas are the spec's: kept, they are not read again per request (a pointer parsed, allOf merged). */
    private static final int KEPT = 10_000;

    private final JsonNode document;
    private final Map<Node, JsonNode> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Node, Map<String, JsonNode>> resolvedProperties = new java.util.concurrent.ConcurrentHashMap<>();

    Schemas(JsonNode document) {
        this.document = document;
    }

    /** A node by identity: two equal schemas at different places of the spec are different keys, and cheap ones. */
    private record Node(JsonNode node) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Node that && that.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }

    /**
     * The schema with its $ref followed (repeatedly) and its allOf parts merged into one object schema; read-only,
     * as the spec's own nodes are.
     */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || !schema.has("$ref") && !schema.has("allOf")) {
            return resolveNow(schema);
        }
        Node key = new Node(schema);
        JsonNode known = resolved.get(key);
        if (known == null) {
            known = resolveNow(schema);
            if (resolved.size() >= KEPT) {
                resolved.clear();
            }
            resolved.put(key, known);
        }
        return known;
    }

    private JsonNode resolveNow(JsonNode schema) {
        for (int hops = 0; schema != null && schema.has("$ref") && hops < 32; hops++) {
            String ref = schema.get("$ref").asText();
            schema = ref.startsWith("#/") ? document.at(ref.substring(1)) : null;
        }
        if (schema == null || schema.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!schema.has("allOf")) {
            return schema;
        }
        ObjectNode merged = ((ObjectNode) schema).deepCopy();
        merged.remove("allOf");
        ObjectNode properties = merged.with("properties");
        Set<String> required = new LinkedHashSet<>();
        merged.path("required").forEach(r -> required.add(r.asText()));
        for (JsonNode part : schema.get("allOf")) {
            JsonNode resolved = resolve(part);
            resolved.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
            resolved.path("required").forEach(r -> required.add(r.asText()));
            if (!merged.has("type") && resolved.has("type")) {
                merged.set("type", resolved.get("type"));
            }
        }
        merged.putArray("required").addAll(required.stream().map(JsonNodeFactory.instance::textNode).toList());
        return merged;
    }

    /** The schema at a JSON pointer of the document, resolved. */
    JsonNode at(String pointer) {
        return resolve(document.at(pointer));
    }

    /** The property's schema, resolved; a missing node when the schema does not declare it. */
    JsonNode property(JsonNode schema, String name) {
        JsonNode property = propertiesOf(schema).get(name);
        return property == null ? MissingNode.getInstance() : property;
    }

    /**
     * The schema's properties by name, in the spec's order, each resolved; kept per schema, as resolved schemas
     * are: a write looks up every field it is sent, and resolving each again was a fifth of a warm PUT's engine time.
     */
    Map<String, JsonNode> propertiesOf(JsonNode schema) {
        Node key = new Node(schema);
        Map<String, JsonNode> known = resolvedProperties.get(key);
        if (known == null) {
            Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
            resolve(schema).path("properties").fields()
                    .forEachRemaining(property -> properties.put(property.getKey(), resolve(property.getValue())));
            known = java.util.Collections.unmodifiableMap(properties);
            if (resolvedProperties.size() >= KEPT) {
                resolvedProperties.clear();
            }
            resolvedProperties.put(key, known);
        }
        return known;
    }

    Iterator<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
        return resolve(schema).path("properties").fields();
    }

    /** Whether a value is of the JSON type this (resolved) schema declares; null fits, and so does any untyped schema. */
    static boolean typed(JsonNode value, JsonNode schema) {
        return value.isNull() || switch (schema.path("type").asText("")) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    boolean isObject(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return "object".equals(resolved.path("type").asText()) || resolved.has("properties");
    }

    boolean isArray(JsonNode schema) {
        return "array".equals(resolve(schema).path("type").asText());
    }

    /** The schema of a success answer of an operation (the pointer is /paths/~1x/get), or a missing node. */
    JsonNode responseSchema(String operationPointer, int status) {
        return json(resolve(document.at(operationPointer + "/responses/" + status)).path("content")).path("schema");
    }

    /** The schema of an operation's request body, resolved (allOf merged), or an empty schema. */
    JsonNode requestSchema(String operationPointer) {
        return resolve(json(resolve(document.at(operationPointer + "/requestBody")).path("content")).path("schema"));
    }

    /**
     * The JSON media type of a content map: application/json, else the first other JSON one
     * (application/json; charset=utf-8, application/vnd.x+json).
     */
    static JsonNode json(JsonNode content) {
        if (content.has("application/json")) {
            return content.get("application/json");
        }
        for (var types = content.fieldNames(); types.hasNext(); ) {
            String type = types.next();
            if (type.contains("json")) {
                return content.get(type);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /**
     * Whether the schema allows no property it does not declare: additionalProperties false on it or on any
     * part of its allOf (whose declared properties are then all allowed, as OpenAPI users read it).
     */
    boolean closed(JsonNode schema) {
        for (int hops = 0; schema != null && schema.has("$ref") && hops < 32; hops++) {
            String ref = schema.get("$ref").asText();
            schema = ref.startsWith("#/") ? document.at(ref.substring(1)) : null;
        }
        if (schema == null || schema.isMissingNode()) {
            return false;
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
            return true;
        }
        for (JsonNode part : schema.path("allOf")) {
            if (closed(part)) {
                return true;
            }
        }
        return false;
    }

    /** The object without the members a closed schema does not declare; the object itself when it keeps all. */
    ObjectNode allowed(ObjectNode object, JsonNode schema) {
        if (!closed(schema)) {
            return object;
        }
        JsonNode properties = resolve(schema).path("properties");
        ObjectNode kept = null;
        for (var names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!properties.has(name)) {
                kept = kept == null ? object.deepCopy() : kept;
                kept.remove(name);
            }
        }
        return kept == null ? object : kept;
    }

    JsonNode document() {
        return document;
    }
}
