package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.Operation;
import java.util.List;
import java.util.Map;

/** Answers built to the spec's response schema: the item in its wrapper, a page in the list's shape. */
final class Answers {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceModel model;
    private final Schemas schemas;
    private final Samples samples;
    private final Items items;

    Answers(ResourceModel model) {
        this.model = model;
        this.schemas = model.schemas();
        this.samples = new Samples(schemas);
        this.items = new Items(schemas);
    }

    /**
     * What an operation's answer looks like, worked out once: its schema, the property that holds the item
     * (null when the answer is the item), that item's schema, the answer's other required members, and
     * whether what it holds is the item or only something about it ({success}, {id, deleted}).
     */
    private record Shape(JsonNode schema, String wrapper, JsonNode itemSchema, ObjectNode shell, boolean isItem) {
    }

    private final Map<String, Shape> shapes = new java.util.concurrent.ConcurrentHashMap<>();

    private Shape shape(Operation operation, int status, Collection collection) {
        return shapes.computeIfAbsent(operation.pointer() + " " + status + " " + collection.template(), key -> {
            JsonNode schema = schemas.responseSchema(operation.pointer(), status);
            if (schema.isMissingNode()) {
                return new Shape(schema, null, schema, null, false);
            }
            String wrapper = model.wrapperProperty(schema, collection.template());
            JsonNode raw = wrapper == null ? schema : schemas.resolve(schema).path("properties").path(wrapper);
            JsonNode itemSchema = schemas.resolve(raw);
            JsonNode one = schemas.isArray(itemSchema) ? itemSchema.path("items") : raw;
            return new Shape(schemas.resolve(schema), wrapper, itemSchema, wrapper == null ? null : shell(schema),
                    model.isItem(one, collection));
        });
    }

    /**
     * One item as the operation answers it: {"customer": item}, {"data": item}, or the item itself, with
     * only the members a closed schema allows; where the answer is not the item ({success: true}, {id,
     * deleted}), what its schema declares, taken from the item where it holds them.
     */
    JsonNode item(Operation operation, int status, Collection collection, ObjectNode item) {
        Shape shape = shape(operation, status, collection);
        if (shape.schema().isMissingNode()) {
            return null;
        }
        JsonNode answered = shape.isItem() ? schemas.allowed(items.completedTo(item, shape.itemSchema()), shape.itemSchema())
                : about(shape.itemSchema(), item, collection.idField());
        if (shape.wrapper() == null) {
            return answered;
        }
        ObjectNode answer = shape.shell().deepCopy();
        answer.set(shape.wrapper(), answered);
        return answer;
    }

    /**
     * An answer about an item that is not the item: each property the schema declares that the item holds
     * with a value of its type, the item's id as its "id" where the item keeps it under another name (Clerk's
     * {deleted, object, id} of an application_id), the required rest sampled, a required success flag true.
     */
    private JsonNode about(JsonNode schema, ObjectNode item, String idField) {
        JsonNode resolved = schemas.resolve(schema);
        if (!schemas.isObject(resolved)) {
            return samples.of(resolved);
        }
        java.util.Set<String> required = new java.util.HashSet<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        ObjectNode answer = JSON.objectNode();
        for (var it = schemas.properties(resolved); it.hasNext(); ) {
            var property = it.next();
            JsonNode propertySchema = schemas.resolve(property.getValue());
            JsonNode held = item.has(property.getKey()) || !property.getKey().equals("id") ? item.get(property.getKey())
                    : item.get(idField);
            if (held != null && fits(held, propertySchema)) {
                answer.set(property.getKey(), held);
            } else if (required.contains(property.getKey())) {
                answer.set(property.getKey(), affirmed(property.getKey(), propertySchema));
            }
        }
        return answer;
    }

    /** A required member's value: true for a boolean that reports the operation done (success, deleted), else a sample. */
    private JsonNode affirmed(String name, JsonNode schema) {
        boolean flag = "boolean".equals(schema.path("type").asText()) && !schema.has("enum")
                && AFFIRMATIVE.contains(name.toLowerCase(java.util.Locale.ROOT));
        return flag ? JSON.booleanNode(true) : samples.required(schema);
    }

    private static final java.util.Set<String> AFFIRMATIVE = java.util.Set.of("success", "succeeded", "successful", "ok",
            "deleted", "removed", "acknowledged", "done");

    /** Whether a held value is of the schema's type and, where it has one, in its enum. */
    private static boolean fits(JsonNode value, JsonNode schema) {
        if (value.isNull()) {
            return schema.path("nullable").asBoolean(false);
        }
        if (schema.has("enum") && !java.util.stream.StreamSupport.stream(schema.get("enum").spliterator(), false)
                .anyMatch(value::equals)) {
            return false;
        }
        return switch (schema.path("type").asText("")) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    /** A page of items in the list answer's shape, with the pagination fields it declares filled in. */
    JsonNode page(Operation operation, int status, Collection collection, List<ObjectNode> items, Map<String, JsonNode> pagination) {
        Shape shape = shape(operation, status, collection);
        if (shape.schema().isMissingNode()) {
            return null;
        }
        JsonNode element = shape.itemSchema().path("items");
        ArrayNode array = JSON.arrayNode();
        items.forEach(item -> array.add(schemas.allowed(this.items.completedTo(item, schemas.resolve(element)), element)));
        if (shape.wrapper() == null) {
            return array;
        }
        ObjectNode answer = shape.shell().deepCopy();
        answer.set(shape.wrapper(), array);
        fill(answer, shape.schema(), pagination, 0);
        return answer;
    }

    /** The answer's schema sampled, with these items (each completed to the array's item schema) in one property. */
    JsonNode listedIn(Operation operation, int status, String property, List<ObjectNode> items) {
        JsonNode schema = schemas.responseSchema(operation.pointer(), status);
        if (schema.isMissingNode()) {
            return null;
        }
        ObjectNode answer = shell(schema);
        if (property != null) {
            JsonNode itemSchema = schemas.property(schema, property).path("items");
            ArrayNode array = answer.putArray(property);
            items.forEach(item -> array.add(this.items.completeTo(item.deepCopy(), itemSchema)));
        }
        return answer;
    }

    /** The documented example of the operation's success answer, else one built from its schema. */
    JsonNode synthesized(Operation operation, int status) {
        JsonNode response = schemas.resolve(schemas.document().at(operation.pointer() + "/responses/" + status));
        JsonNode content = Schemas.json(response.path("content"));
        if (content.has("example")) {
            return content.get("example").deepCopy();
        }
        for (JsonNode example : content.path("examples")) {
            JsonNode resolved = schemas.resolve(example);
            if (resolved.has("value")) {
                return resolved.get("value").deepCopy();
            }
        }
        return content.has("schema") ? samples.of(content.get("schema")) : null;
    }

    /** The answer's object with its required members sampled (a success flag true); the optional ones are left out. */
    private ObjectNode shell(JsonNode schema) {
        JsonNode resolved = schemas.resolve(schema);
        ObjectNode shell = JSON.objectNode();
        for (JsonNode required : resolved.path("required")) {
            shell.set(required.asText(), affirmed(required.asText(), schemas.property(resolved, required.asText())));
        }
        return shell;
    }

    /**
     * Sets the pagination fields (has_more, cursor, total_count, ...) wherever the answer's schema has them,
     * at any depth (meta.pagination), each as its schema types it. A next token on the last page is null
     * where nullable, "" where required and not, else left out.
     */
    private void fill(ObjectNode answer, JsonNode schema, Map<String, JsonNode> pagination, int depth) {
        JsonNode resolved = schemas.resolve(schema);
        java.util.Set<String> required = new java.util.HashSet<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        for (var it = schemas.properties(resolved); it.hasNext(); ) {
            var property = it.next();
            JsonNode propertySchema = schemas.resolve(property.getValue());
            JsonNode value = typed(pagination.get(property.getKey()), propertySchema);
            if (value != null && (!value.isNull() || propertySchema.path("nullable").asBoolean())) {
                answer.set(property.getKey(), value);
            } else if (value != null && required.contains(property.getKey())) {
                if ("string".equals(propertySchema.path("type").asText())) {
                    answer.put(property.getKey(), ""); // no next page, in a field that may not be null
                }
            } else if (value != null) {
                answer.remove(property.getKey());
            } else if (depth < 5 && schemas.isObject(propertySchema) && !(answer.get(property.getKey()) instanceof ArrayNode)) {
                ObjectNode inner = answer.get(property.getKey()) instanceof ObjectNode o ? o : shell(propertySchema);
                fill(inner, propertySchema, pagination, depth + 1);
                if (!inner.isEmpty() || answer.has(property.getKey())) {
                    answer.set(property.getKey(), inner);
                }
            }
        }
    }

    /**
     * A pagination value as the field's schema types it (a page number as text where the field is a string),
     * null (JSON) kept; Java null when the field cannot hold it (an object, a link).
     */
    private static JsonNode typed(JsonNode value, JsonNode schema) {
        if (value == null || value.isNull()) {
            return value == null || scalar(schema) ? value : null;
        }
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" -> format.equals("uri") || format.equals("url") || value.isBoolean() ? null : JSON.textNode(value.asText());
            case "integer", "number" -> value.isNumber() ? value
                    : value.isTextual() && value.asText().matches("\\d{1,18}") ? JSON.numberNode(Long.parseLong(value.asText())) : null;
            case "boolean" -> value.isBoolean() ? value : null;
            case "" -> schema.has("properties") ? null : value;
            default -> null;
        };
    }

    /** Whether a null may stand for the field: it is a scalar one, not an object to fill inside. */
    private static boolean scalar(JsonNode schema) {
        String type = schema.path("type").asText("");
        return !type.equals("object") && !type.equals("array") && !schema.has("properties");
    }
}
