package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the item stands in an operation's answer: the answer's schema, the property that wraps the item
 * (or items), and whether a schema is the collection's item at all.
 */
final class ItemShapes {

    /**
     * The names vendors give the member that holds an answer's item or items, beside others that hold
     * objects too ({"pagination": {...}, "items": [...]}, {"meta": {...}, "data": [...]}); first wins.
     */
    private static final List<String> HOLDERS = List.of("data", "items", "results", "records", "entries", "elements",
            "content", "values", "rows", "objects", "resources", "hits", "list");

    private final Schemas schemas;

    ItemShapes(Schemas schemas) {
        this.schemas = schemas;
    }

    /**
     * Whether a schema is the collection's item: the same schema, or one that shares its id field and most
     * of its properties both ways (Vayu's delete answers the customer with deletedAt added; a {id, deleted}
     * answer or a {success} one is not the item).
     */
    boolean isItem(JsonNode schema, Collection collection) {
        JsonNode answer = schemas.resolve(schema);
        JsonNode item = schemas.resolve(collection.itemSchema());
        if (answer.equals(item)) {
            return true;
        }
        Set<String> own = names(answer);
        Set<String> items = names(item);
        if (own.isEmpty() || items.isEmpty() || items.contains(collection.idField()) && !own.contains(collection.idField())) {
            return false;
        }
        long shared = own.stream().filter(items::contains).count();
        return shared * 2 > own.size() && shared * 2 >= items.size();
    }

    private static Set<String> names(JsonNode schema) {
        Set<String> names = new java.util.LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The success answer's schema of an operation: its first documented 2xx with a JSON body. */
    JsonNode responseSchema(Operation operation) {
        JsonNode responses = schemas.document().at(operation.pointer() + "/responses");
        for (var codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2") && code.length() == 3) {
                JsonNode schema = schemas.responseSchema(operation.pointer(), Integer.parseInt(code));
                if (!schema.isMissingNode()) {
                    return schema;
                }
            }
        }
        return JsonNodeFactory.instance.missingNode();
    }

    /**
     * The item inside an answer: {"customer": {...}} and {"data": {...}} wrap one, a list's array holds
     * several, anything else is the item itself.
     */
    JsonNode unwrap(JsonNode answer, String collectionTemplate) {
        String wrapper = wrapperProperty(answer, collectionTemplate);
        if (wrapper == null) {
            return schemas.isArray(answer) ? schemas.resolve(schemas.resolve(answer).path("items")) : schemas.resolve(answer);
        }
        JsonNode inner = schemas.property(answer, wrapper);
        return schemas.isArray(inner) ? schemas.resolve(inner.path("items")) : inner;
    }

    /** The property of an answer that holds the item (or items), or null when the answer is the item. */
    String wrapperProperty(JsonNode answer, String collectionTemplate) {
        JsonNode resolved = schemas.resolve(answer);
        String noun = PathTemplates.noun(PathTemplates.last(collectionTemplate)).toLowerCase(Locale.ROOT).replace(" ", "");
        for (var names = resolved.path("properties").fieldNames(); names.hasNext(); ) {
            String name = Paging.normal(names.next());
            if (name.equals("id") || name.equals(noun + "id")) {
                return null; // an answer with the item's own id is the item: its arrays (instances) are its own
            }
        }
        List<String> objects = new ArrayList<>();
        for (var it = schemas.properties(resolved); it.hasNext(); ) {
            var property = it.next();
            JsonNode schema = schemas.resolve(property.getValue());
            boolean holds = schemas.isObject(schema)
                    || schemas.isArray(schema) && schemas.isObject(schema.path("items"));
            if (holds && property.getKey().toLowerCase(Locale.ROOT).startsWith(noun)) {
                return property.getKey();
            }
            if (holds) {
                objects.add(property.getKey());
            }
        }
        if (objects.size() == 1 && resolved.path("properties").size() <= 4) {
            return objects.get(0);
        }
        for (String holder : HOLDERS) {
            if (objects.contains(holder)) {
                return holder;
            }
        }
        return null;
    }

}
