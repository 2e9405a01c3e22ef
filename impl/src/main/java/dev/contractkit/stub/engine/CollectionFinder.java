package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The collections a spec's paths describe: a path ending in a parameter is an item, and its parent a
 * collection, when the parent has an operation or the item has more than GET. Each collection's item
 * schema, id parameter, id field and id schema are read from the operations on it and its item.
 */
final class CollectionFinder {

    private final OpenApiSpec spec;
    private final Schemas schemas;
    private final ItemShapes shapes;

    CollectionFinder(OpenApiSpec spec, Schemas schemas, ItemShapes shapes) {
        this.spec = spec;
        this.schemas = schemas;
        this.shapes = shapes;
    }

    /** The collections, by template, in the spec's order. */
    Map<String, Collection> collections() {
        Map<String, Collection> collections = new LinkedHashMap<>();
        List<Operation> operations = spec.operations();
        Set<String> templates = operations.stream().map(Operation::pathTemplate).collect(Collectors.toSet());
        for (String template : itemTemplates(operations)) {
            if (isCollection(PathTemplates.parent(template), templates, operations)) {
                collections.computeIfAbsent(PathTemplates.parent(template), c -> collection(c, spec, operations));
            }
        }
        return collections;
    }

    /**
     * Every path ending in a parameter that an operation's path is or starts with, in the spec's order: an
     * item path may have no operation of its own and only sub-paths (/instances/{instanceId}/users), and
     * its collection is still one (an instance is created by POST /instances, its users live under it).
     */
    private static Set<String> itemTemplates(List<Operation> operations) {
        Set<String> items = new java.util.LinkedHashSet<>();
        for (Operation operation : operations) {
            String[] segments = operation.pathTemplate().split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 1; i < segments.length; i++) {
                prefix.append('/').append(segments[i]);
                if (PathTemplates.isParam(segments[i])) {
                    items.add(prefix.toString());
                }
            }
        }
        return items;
    }

    /** A path ending in a parameter is an item when its parent has an operation, or the item has more than GET. */
    private static boolean isCollection(String template, Set<String> templates, List<Operation> operations) {
        if (template.isEmpty() || PathTemplates.isParam(PathTemplates.last(template))) {
            return false;
        }
        return templates.contains(template) || operations.stream().anyMatch(o ->
                PathTemplates.parent(o.pathTemplate()).equals(template) && PathTemplates.isParam(PathTemplates.last(o.pathTemplate()))
                        && !o.method().equals("get"));
    }

    private Collection collection(String template, OpenApiSpec spec, List<Operation> operations) {
        List<String> scopeParams = new ArrayList<>();
        for (String segment : template.split("/")) {
            if (PathTemplates.isParam(segment)) {
                scopeParams.add(segment.substring(1, segment.length() - 1));
            }
        }
        String idParam = idParam(template, operations);
        JsonNode pathSchema = JsonNodeFactory.instance.objectNode().put("type", "string");
        JsonNode itemSchema = null;
        String source = null;
        int rank = Integer.MAX_VALUE;
        for (Operation operation : operations) {
            String t = operation.pathTemplate();
            boolean onItem = t.equals(template + "/{" + idParam + "}");
            if (onItem || t.startsWith(template + "/{" + idParam + "}/")) {
                pathSchema = pathParamSchema(spec, operation, idParam, pathSchema);
            }
            int r = itemRank(operation, onItem, t.equals(template));
            if (r < rank && !shapes.responseSchema(operation).isMissingNode()) {
                rank = r;
                itemSchema = shapes.unwrap(shapes.responseSchema(operation), template);
                source = r == 0 || r == 1 || r == 3 ? operation.pointer() : null; // a list's answer is not one item's
            }
        }
        itemSchema = itemSchema == null ? JsonNodeFactory.instance.objectNode() : itemSchema;
        ObjectNode rules = rules(spec, template, idParam);
        String idField = rules.has("idField") ? null : idField(itemSchema, template, idParam);
        if (idField != null && !idField.equals("id")) {
            rules.put("idField", idField); // the item names its id as its path does (accountId, application_id)
        }
        JsonNode idSchema = idSchema(pathSchema, schemas.property(itemSchema, rules.path("idField").asText("id")));
        return new Collection(template, PathTemplates.noun(PathTemplates.last(template)), List.copyOf(scopeParams), idParam, idSchema,
                itemSchema, source, rules);
    }

    /**
     * The item's field that holds its id: "id" when it has one, else the field named as the path's parameter
     * or as the noun and "id", spelled any way (applicationID, application_id); null when none is.
     */
    private String idField(JsonNode itemSchema, String template, String idParam) {
        JsonNode properties = schemas.resolve(itemSchema).path("properties");
        if (properties.has("id")) {
            return "id";
        }
        String byNoun = PathTemplates.noun(PathTemplates.last(template)).replace(" ", "") + "id";
        for (var names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (Paging.normal(name).equals(Paging.normal(idParam)) || Paging.normal(name).equals(Paging.normal(byNoun))) {
                return name;
            }
        }
        return null;
    }

    /** The item path's parameter: the one an operation on the item, or below it, names. */
    private static String idParam(String template, List<Operation> operations) {
        for (Operation operation : operations) {
            String t = operation.pathTemplate();
            if (PathTemplates.parent(t).equals(template) && PathTemplates.isParam(PathTemplates.last(t))) {
                return PathTemplates.param(PathTemplates.last(t));
            }
        }
        for (Operation operation : operations) {
            String t = operation.pathTemplate();
            if (t.startsWith(template + "/")) {
                String segment = t.substring(template.length() + 1).split("/")[0];
                if (PathTemplates.isParam(segment)) {
                    return PathTemplates.param(segment);
                }
            }
        }
        return "id";
    }

    /**
     * Which answer shows an item best, lower first: the item's GET, its PUT or PATCH, the collection's GET
     * (its array's items), the collection's POST (which may answer only a receipt), the item's DELETE (which
     * may answer only {success}); none.
     */
    private static int itemRank(Operation operation, boolean onItem, boolean onCollection) {
        String method = operation.method();
        if (onItem) {
            return switch (method) {
                case "get" -> 0;
                case "put", "patch" -> 1;
                case "delete" -> 4;
                default -> Integer.MAX_VALUE;
            };
        }
        if (onCollection) {
            return method.equals("get") ? 2 : method.equals("post") ? 3 : Integer.MAX_VALUE;
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The schema new ids fit: the path parameter's, with what the item's id property adds to it (a path that
     * says only "string" and an item that says maxLength 20 make ids of at most 20 characters).
     */
    private JsonNode idSchema(JsonNode pathSchema, JsonNode property) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        if (property.isObject()) {
            merged.setAll((ObjectNode) schemas.resolve(property).deepCopy());
        }
        if (pathSchema.isObject()) {
            pathSchema.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("type") || !merged.has("type")) {
                    merged.set(field.getKey(), field.getValue());
                }
            });
        }
        merged.remove(List.of("example", "examples", "default", "description", "readOnly", "nullable"));
        return merged;
    }

    /**
     * The collection's rules: x-contract-kit on its path item, or on its item's (a spec that has no
     * collection path, as Vayu's seed file, keeps them there); the collection's win.
     */
    private static ObjectNode rules(OpenApiSpec spec, String template, String idParam) {
        ObjectNode rules = JsonNodeFactory.instance.objectNode();
        JsonNode item = spec.document().path("paths").path(template + "/{" + idParam + "}").path("x-contract-kit");
        JsonNode own = spec.document().path("paths").path(template).path("x-contract-kit");
        if (item.isObject()) {
            rules.setAll((ObjectNode) item);
        }
        if (own.isObject()) {
            rules.setAll((ObjectNode) own);
        }
        return rules;
    }

    /** The named path parameter's schema as this operation (or its path item) declares it, else {@code otherwise}. */
    private JsonNode pathParamSchema(OpenApiSpec spec, Operation operation, String name, JsonNode otherwise) {
        for (String owner : List.of(operation.pointer(), operation.pointer().substring(0, operation.pointer().lastIndexOf('/')))) {
            for (JsonNode param : spec.document().at(owner + "/parameters")) {
                JsonNode resolved = schemas.resolve(param);
                if (name.equals(resolved.path("name").asText()) && resolved.has("schema")) {
                    JsonNode schema = schemas.resolve(resolved.path("schema"));
                    return otherwise.size() > 1 && schema.size() <= 1 ? otherwise : schema;
                }
            }
        }
        return otherwise;
    }
}
