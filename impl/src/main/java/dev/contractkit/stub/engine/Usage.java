package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.store.ResourceStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An answer computed from stored events through stored meters (x-contract-kit "usage" on the operation):
 * for each meter (or the one a path parameter names), its value over the events sent, those of one item
 * only where the rule says so (a customer's, matched by the fields that hold its aliases). Nothing is
 * stored: the answer moves as events arrive, are deleted, or a meter is changed.
 */
final class Usage {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceModel model;
    private final ResourceStore store;
    private final Scopes scopes;
    private final Schemas schemas;
    private final Items items;
    private final Samples samples;

    Usage(ResourceModel model, ResourceStore store, Scopes scopes) {
        this.model = model;
        this.store = store;
        this.scopes = scopes;
        this.schemas = model.schemas();
        this.items = new Items(schemas);
        this.samples = new Samples(schemas);
    }

    Engine.Answer serve(Operation operation, Map<String, String> params, JsonNode rule) {
        Collection meters = model.collection(rule.path("meters").asText());
        JsonNode meterRule = meters.rules().path("meter");
        EventShape shape = EventShape.of(meterRule.path("event"));
        Set<String> keys = customerKeys(operation, params, rule);
        List<ObjectNode> events = new ArrayList<>();
        for (ObjectNode event : all(model.collection(meterRule.path("events").asText()), params)) {
            if (keys == null || keys.contains(shape.customer(event))) {
                events.add(event);
            }
        }
        List<ObjectNode> elements = new ArrayList<>();
        for (ObjectNode meter : meterItems(meters, params, rule)) {
            elements.add(element(rule, meter, Meter.of(meterRule, meter).measure(events)));
        }
        int status = operation.successStatus();
        return new Engine.Answer(status, answer(operation, status, rule.path("answersIn").asText(null), elements));
    }

    /**
     * The customer keys whose events count, or null for every event: the item the path's last parameter
     * names (by its id, or by the field {@code by} holds), read at the {@code matchedBy} fields; a value
     * found by {@code by} counts itself too, so an alias no item holds yet still reads its own events.
     */
    private Set<String> customerKeys(Operation operation, Map<String, String> params, JsonNode rule) {
        if (!rule.has("of")) {
            return null;
        }
        Collection of = model.collection(rule.get("of").asText());
        List<String> names = operation.pathParamNames();
        String value = names.isEmpty() ? null : params.get(names.get(names.size() - 1));
        String by = rule.path("by").asText(null);
        String scope = Scopes.scope(of, params);
        ObjectNode item = store.inScope(of.template(), scope, scopes.creatable(of, params),
                s -> by == null ? s.get(value) : holding(s.items(), by, value)).orElse(null);
        Set<String> keys = new HashSet<>();
        if (by != null) {
            keys.add(value);
        } else if (item == null) {
            throw scopes.missing(of, scope, value);
        }
        if (item != null) {
            for (JsonNode field : rule.path("matchedBy")) {
                JsonNode held = item.path(field.asText());
                (held.isArray() ? held : JSON.arrayNode().add(held)).forEach(k -> {
                    if (k.isValueNode() && !k.isNull()) {
                        keys.add(k.asText());
                    }
                });
            }
        }
        return keys;
    }

    /** The first item whose field is the value, or (an array) holds it. */
    private static ObjectNode holding(List<ObjectNode> items, String field, String value) {
        for (ObjectNode item : items) {
            JsonNode held = item.path(field);
            for (JsonNode k : held.isArray() ? held : JSON.arrayNode().add(held)) {
                if (k.isValueNode() && k.asText().equals(value)) {
                    return item;
                }
            }
        }
        return null;
    }

    /** Every meter, or the one the rule's {@code meter} parameter names (the vendor's 404 when none). */
    private List<ObjectNode> meterItems(Collection meters, Map<String, String> params, JsonNode rule) {
        if (!rule.has("meter")) {
            return all(meters, params);
        }
        String id = params.get(rule.get("meter").asText());
        String scope = Scopes.scope(meters, params);
        ObjectNode meter = store.inScope(meters.template(), scope, scopes.creatable(meters, params), s -> s.get(id))
                .orElse(null);
        if (meter == null) {
            throw scopes.missing(meters, scope, id);
        }
        return List.of(meter);
    }

    private List<ObjectNode> all(Collection collection, Map<String, String> params) {
        return store.inScope(collection.template(), Scopes.scope(collection, params), scopes.creatable(collection, params),
                ResourceStore.Scope::items).orElse(List.of());
    }

    /** One element of the answer: the rule's constants, the meter's fields it names, the value. */
    private static ObjectNode element(JsonNode rule, ObjectNode meter, double value) {
        ObjectNode element = JSON.objectNode();
        rule.path("constants").fields().forEachRemaining(c -> element.set(c.getKey(), c.getValue().deepCopy()));
        rule.path("meterFields").fields().forEachRemaining(f -> {
            JsonNode held = meter.at(f.getValue().asText());
            if (!held.isMissingNode()) {
                element.set(f.getKey(), held.deepCopy());
            }
        });
        if (rule.has("valueIn")) {
            element.set(rule.get("valueIn").asText(), number(value));
        }
        return element;
    }

    static JsonNode number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? JSON.numberNode((long) value) : JSON.numberNode(value);
    }

    /** The answer's schema with its required members, the elements in {@code property}: all (an array), or the one. */
    private JsonNode answer(Operation operation, int status, String property, List<ObjectNode> elements) {
        JsonNode schema = schemas.responseSchema(operation.pointer(), status);
        if (schema.isMissingNode()) {
            return null;
        }
        JsonNode resolved = schemas.resolve(schema);
        ObjectNode answer = JSON.objectNode();
        resolved.path("required").forEach(r -> answer.set(r.asText(), samples.required(schemas.property(resolved, r.asText()))));
        if (property == null) {
            return answer;
        }
        JsonNode holder = schemas.property(resolved, property);
        if (schemas.isArray(holder)) {
            JsonNode element = holder.path("items");
            ArrayNode array = answer.putArray(property);
            elements.forEach(e -> array.add(schemas.allowed(items.completeTo(e, element), element)));
        } else if (!elements.isEmpty()) {
            answer.set(property, schemas.allowed(items.completeTo(elements.get(0), holder), holder));
        }
        return answer;
    }
}
