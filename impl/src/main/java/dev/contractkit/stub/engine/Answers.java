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
     * (null when the answer is the item), that item's schema, and the answer's other required members.
     */
    private record Shape(JsonNode schema, String wrapper, JsonNode itemSchema, ObjectNode shell) {
    }

    private final Map<String, Shape> shapes = new java.util.concurrent.ConcurrentHashMap<>();

    private Shape shape(Operation operation, int status, Collection collection) {
        return shapes.computeIfAbsent(operation.pointer() + " " + status + " " + collection.template(), key -> {
            JsonNode schema = schemas.responseSchema(operation.pointer(), status);
            if (schema.isMissingNode()) {
                return new Shape(schema, null, schema, null);
            }
            String wrapper = model.wrapperProperty(schema, collection.template());
            JsonNode itemSchema = schemas.resolve(wrapper == null ? schema : schemas.property(schema, wrapper));
            return new Shape(schemas.resolve(schema), wrapper, itemSchema, wrapper == null ? null : shell(schema));
        });
    }

    /** One item as the operation answers it: {"customer": item}, {"data": item}, or the item itself. */
    JsonNode item(Operation operation, int status, Collection collection, ObjectNode item) {
        Shape shape = shape(operation, status, collection);
        if (shape.schema().isMissingNode()) {
            return null;
        }
        ObjectNode answered = items.completedTo(item, shape.itemSchema());
        if (shape.wrapper() == null) {
            return answered;
        }
        ObjectNode answer = shape.shell().deepCopy();
        answer.set(shape.wrapper(), answered);
        return answer;
    }

    /** A page of items in the list answer's shape, with the pagination fields it declares filled in. */
    JsonNode page(Operation operation, int status, Collection collection, List<ObjectNode> items, Map<String, JsonNode> pagination) {
        Shape shape = shape(operation, status, collection);
        ArrayNode array = JSON.arrayNode().addAll(items);
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
        JsonNode content = response.path("content").path("application/json");
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

    /** The answer's object with its required members sampled; the optional ones are left out. */
    private ObjectNode shell(JsonNode schema) {
        JsonNode resolved = schemas.resolve(schema);
        ObjectNode shell = JSON.objectNode();
        for (JsonNode required : resolved.path("required")) {
            shell.set(required.asText(), samples.required(schemas.property(resolved, required.asText())));
        }
        return shell;
    }

    /** Sets the pagination fields (has_more, cursor, total_count, ...) wherever the answer's schema has them. */
    private void fill(ObjectNode answer, JsonNode schema, Map<String, JsonNode> pagination, int depth) {
        for (var it = schemas.properties(schema); it.hasNext(); ) {
            var property = it.next();
            JsonNode value = pagination.get(property.getKey());
            JsonNode propertySchema = schemas.resolve(property.getValue());
            if (value != null && (!value.isNull() || propertySchema.path("nullable").asBoolean())) {
                answer.set(property.getKey(), value);
            } else if (depth < 3 && schemas.isObject(propertySchema) && !(answer.get(property.getKey()) instanceof ArrayNode)) {
                ObjectNode inner = answer.get(property.getKey()) instanceof ObjectNode o ? o : shell(propertySchema);
                fill(inner, propertySchema, pagination, depth + 1);
                if (!inner.isEmpty() || answer.has(property.getKey())) {
                    answer.set(property.getKey(), inner);
                }
            }
        }
    }
}
