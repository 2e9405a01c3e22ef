package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The document as validation reads it: an {@code allOf} whose parts say {@code additionalProperties: false}
 * allows the properties of all its parts, as OpenAPI's users and generators read it (a generated model has
 * them all), instead of JSON Schema's literal reading, where each closed part rejects the others' properties
 * and no body at all is valid. A property none of the parts names is still refused.
 *
 * <p>Works on a copy: each {@code allOf} gets the union of its parts' properties and
 * {@code additionalProperties: false} of its own, and each closed part is replaced by an inline copy without
 * it. A {@code $ref}'d part is copied, never changed where it is defined, so its other uses stay as strict as
 * the vendor wrote them.
 */
final class AllOfPropertyUnion {

    /** Keys whose members are names (of properties, schemas, paths ...), each of them a schema or another map. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "definitions", "$defs",
            "schemas", "paths", "responses", "content", "headers", "requestBodies", "parameters", "callbacks");
    /** Keys whose values are data, not schemas: an "allOf" inside an example is not one to rewrite. */
    private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const");
    /** Beyond this many allOf-in-allOf levels (only a cyclic spec gets there) a part is left as written. */
    private static final int MAX_DEPTH = 16;

    private final JsonNode document;

    private AllOfPropertyUnion(JsonNode document) {
        this.document = document;
    }

    /** A copy of the document with every closed allOf read as the union of its parts. */
    static ObjectNode of(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        new AllOfPropertyUnion(copy).walk(copy, null, 0);
        return copy;
    }

    /** Children first: a nested allOf is settled before the allOf it is a part of reads it. */
    private void walk(JsonNode node, String key, int depth) {
        if (node.isArray()) {
            node.forEach(element -> walk(element, null, depth));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        boolean names = key != null && NAME_MAPS.contains(key);
        for (var it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (names || !(DATA.contains(member.getKey()) || member.getKey().startsWith("x-"))) {
                walk(member.getValue(), member.getKey(), depth);
            }
        }
        if (object.get("allOf") instanceof ArrayNode parts && closed(object, 0)) {
            union(object, parts, depth);
        }
    }

    private void union(ObjectNode holder, ArrayNode parts, int depth) {
        Set<String> properties = names(holder, 0);
        Set<String> patterns = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            patterns.addAll(patterns(parts.get(i), 0));
            parts.set(i, relaxed(parts.get(i), depth + 1));
        }
        ObjectNode declared = holder.get("properties") instanceof ObjectNode o ? o : holder.putObject("properties");
        properties.forEach(name -> {
            if (!declared.has(name)) {
                declared.putObject(name); // allowed here; what it must be, its part still says
            }
        });
        if (!patterns.isEmpty()) {
            ObjectNode declaredPatterns = holder.get("patternProperties") instanceof ObjectNode o ? o : holder.putObject("patternProperties");
            patterns.forEach(pattern -> {
                if (!declaredPatterns.has(pattern)) {
                    declaredPatterns.putObject(pattern);
                }
            });
        }
        holder.put("additionalProperties", false);
    }

    /** The part as an inline copy that rejects no property of its own accord; the part itself when it never did. */
    private JsonNode relaxed(JsonNode part, int depth) {
        JsonNode target = resolve(part);
        if (depth > MAX_DEPTH || !(target instanceof ObjectNode) || !closed(target, 0)) {
            return part;
        }
        ObjectNode copy = target.deepCopy();
        walk(copy, null, depth); // its own allOf, if any, gets the union (and relaxed parts) first
        copy.remove("additionalProperties");
        return copy;
    }

    /** Whether the schema, or any allOf part of it, says additionalProperties: false. */
    private boolean closed(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.path("additionalProperties").isBoolean() && !resolved.get("additionalProperties").asBoolean()) {
            return true;
        }
        if (depth < MAX_DEPTH) {
            for (JsonNode part : resolved.path("allOf")) {
                if (closed(part, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The property names of the schema and of its allOf, anyOf and oneOf parts (all of which a model merges). */
    private Set<String> names(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        Set<String> names = new LinkedHashSet<>();
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        if (depth < MAX_DEPTH) {
            for (String composition : new String[] {"allOf", "anyOf", "oneOf"}) {
                resolved.path(composition).forEach(part -> names.addAll(names(part, depth + 1)));
            }
        }
        return names;
    }

    private Set<String> patterns(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        Set<String> patterns = new LinkedHashSet<>();
        resolved.path("patternProperties").fieldNames().forEachRemaining(patterns::add);
        if (depth < MAX_DEPTH) {
            resolved.path("allOf").forEach(part -> patterns.addAll(patterns(part, depth + 1)));
        }
        return patterns;
    }

    /** The schema with its $ref followed (within this document), repeatedly. */
    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < MAX_DEPTH; hops++) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return schema;
            }
            schema = document.at(ref.substring(1));
        }
        return schema;
    }
}
