package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.store.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How an item is written: the fields sent merged in, aliases kept equal, timestamps moved, gaps filled. */
final class Items {

    private static final List<String> CREATED = List.of("createdAt", "created_at");
    private static final List<String> UPDATED = List.of("updatedAt", "updated_at");
    private static final List<String> DELETED = List.of("deletedAt", "deleted_at");

    private final Schemas schemas;
    private final Samples samples;

    Items(Schemas schemas) {
        this.schemas = schemas;
        this.samples = new Samples(schemas);
    }

    /**
     * Merges the fields sent into a copy of the item: a field present overwrites, an explicit null clears,
     * an absent one keeps its value. Only fields the item's schema declares are kept, with a value of the
     * type it declares (a request may write a time as text that the item holds as a number); an alias sets
     * every name of its group.
     */
    ObjectNode merge(ObjectNode item, JsonNode sent, Collection collection) {
        ObjectNode merged = copy(item, sent == null ? 0 : sent.size());
        if (sent == null || !sent.isObject()) {
            return merged;
        }
        boolean open = !schemas.resolve(collection.itemSchema()).has("properties");
        Map<String, JsonNode> properties = schemas.propertiesOf(collection.itemSchema());
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) sent::fields) {
            JsonNode property = properties.get(field.getKey());
            if (open || property != null && Schemas.typed(field.getValue(), property)) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        for (JsonNode group : collection.rules().path("aliases")) {
            JsonNode value = aliased(sent, Collection.texts(group));
            if (value != null) {
                group.forEach(name -> merged.set(name.asText(), value));
            }
        }
        return merged;
    }

    /**
     * A copy of the item's own members; the values inside are shared, not copied. Stored items and sent bodies
     * are never changed in place (a write sets members of its copy), so sharing is safe, and a deep copy per write
     * was the largest cost of a warm PUT (JFR: 8% of its CPU, as much of its allocation).
     */
    private static ObjectNode copy(ObjectNode item, int more) {
        ObjectNode copy = new ObjectNode(JsonNodeFactory.instance, new java.util.LinkedHashMap<>((item.size() + more) * 4 / 3 + 1));
        copy.setAll(item);
        return copy;
    }

    /** The one value the names of an alias group were sent with, or null; 400 when they were sent different. */
    private static JsonNode aliased(JsonNode sent, List<String> names) {
        JsonNode value = null;
        List<String> given = new ArrayList<>();
        for (String name : names) {
            if (sent.has(name)) {
                if (value != null && !value.equals(sent.get(name))) {
                    given.add(name);
                    throw StubException.invalid(given.stream()
                            .map(n -> new Violation(n, "must equal " + String.join(" and ", names) + " when both are given", false))
                            .toList());
                }
                value = sent.get(name);
                given.add(name);
            }
        }
        return value;
    }

    /** A new item: its id, both timestamps where its schema has them, and what every item has filled in. */
    ObjectNode created(ObjectNode item, Collection collection) {
        return created(item, collection, () -> 0, id -> false);
    }

    /**
     * The same, in a scope that holds {@code held} items and the ids {@code taken} answers true for: a new
     * id fits the id's schema and is none of them.
     */
    ObjectNode created(ObjectNode item, Collection collection, java.util.function.LongSupplier held,
            java.util.function.Predicate<String> taken) {
        ObjectNode created = copy(item, 4);
        if (!created.hasNonNull(collection.idField())) {
            String id = Ids.fresh(collection.idSchema(), held, taken);
            JsonNode property = schemas.property(collection.itemSchema(), collection.idField());
            if (Ids.isInteger(property) && !"string".equals(property.path("type").asText())) {
                created.put(collection.idField(), Long.parseLong(id)); // the item holds a number, the path its digits
            } else {
                created.put(collection.idField(), id);
            }
        }
        if (!collection.idField().equals("id") && declares(collection, "id") && !created.hasNonNull("id")) {
            created.put("id", Ids.fresh(schemas.property(collection.itemSchema(), "id")));
        }
        JsonNode now = null;
        for (String field : CREATED) {
            if (declares(collection, field) && !created.hasNonNull(field)) {
                now = now == null ? timestamp(schemas.property(collection.itemSchema(), field), null) : now;
                created.set(field, now);
            }
        }
        for (String field : UPDATED) {
            if (declares(collection, field) && !created.hasNonNull(field)) {
                JsonNode property = schemas.property(collection.itemSchema(), field);
                created.set(field, now != null && now.isNumber() == Ids.isInteger(property) ? now : timestamp(property, null));
            }
        }
        return complete(created, collection);
    }

    /** An update's item: its updatedAt moved (at least a millisecond) where its schema has one. */
    ObjectNode touched(ObjectNode item, Collection collection) {
        for (String field : UPDATED) {
            if (declares(collection, field)) {
                item.set(field, timestamp(schemas.property(collection.itemSchema(), field), item.get(field)));
            }
        }
        return item;
    }

    /**
     * Now, as the field's schema writes a time, and later than {@code previous}: ISO-8601 text, or for an
     * integer field a Unix time, in seconds where its description says so, else milliseconds (Clerk's).
     */
    static JsonNode timestamp(JsonNode schema, JsonNode previous) {
        if (!Ids.isInteger(schema) || "string".equals(schema.path("type").asText())) {
            return TextNode.valueOf(previous == null ? Timestamps.now() : Timestamps.after(previous.asText(null)));
        }
        String description = schema.path("description").asText("").toLowerCase(java.util.Locale.ROOT);
        boolean seconds = description.contains("second") && !description.contains("milli");
        long now = seconds ? System.currentTimeMillis() / 1000 : System.currentTimeMillis();
        return LongNode.valueOf(previous != null && previous.isNumber() && previous.asLong() >= now ? previous.asLong() + 1 : now);
    }

    /**
     * Fills what the item's schema requires and the item lacks: null where the field is nullable (Layer
     * answers every field), else a value of its schema (an enum's first value: status ACTIVE, type
     * CustomerData; an empty array). An alias group missing a name gets the value of the others.
     */
    ObjectNode complete(ObjectNode item, Collection collection) {
        for (JsonNode group : collection.rules().path("aliases")) {
            JsonNode value = null;
            for (JsonNode name : group) {
                value = value == null ? item.get(name.asText()) : value;
            }
            if (value != null) {
                for (JsonNode name : group) {
                    if (declares(collection, name.asText()) && !item.has(name.asText())) {
                        item.set(name.asText(), value);
                    }
                }
            }
        }
        return completeTo(item, collection.itemSchema());
    }

    /**
     * The item itself when it has all this (resolved) schema requires, else a copy completed: answers are
     * built from stored items, which are never changed in place.
     */
    ObjectNode completedTo(ObjectNode item, JsonNode resolvedSchema) {
        for (JsonNode required : resolvedSchema.path("required")) {
            if (!item.has(required.asText())) {
                return completeTo(item.deepCopy(), resolvedSchema);
            }
        }
        return item;
    }

    /**
     * Fills what this schema requires and the item lacks. An operation may answer an item by a schema of its
     * own (Vayu's delete answers require deletedAt, which only a deleted item has: it is the time of now).
     */
    ObjectNode completeTo(ObjectNode item, JsonNode itemSchema) {
        JsonNode schema = schemas.resolve(itemSchema);
        // A default the schema declares is what the vendor answers for a field never set (Vayu's aliases: []).
        schemas.propertiesOf(schema).forEach((name, property) -> {
            JsonNode declared = property.get("default");
            if (declared != null && !item.has(name)) {
                item.set(name, declared.deepCopy());
            }
        });
        for (JsonNode required : schema.path("required")) {
            String field = required.asText();
            if (!item.has(field)) {
                JsonNode property = schemas.property(schema, field);
                item.set(field, DELETED.contains(field) ? timestamp(property, null)
                        : property.path("nullable").asBoolean() ? item.nullNode() : samples.of(property));
            }
        }
        return item;
    }

    private boolean declares(Collection collection, String field) {
        return !schemas.property(collection.itemSchema(), field).isMissingNode();
    }
}
