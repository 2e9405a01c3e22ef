package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every operation of a spec does, read from its paths: a collection (/customers) and its item
 * (/customers/{customerId}) make create, list, read, update and delete; /customers/externalId/{externalId}
 * is a lookup by that field; an item's sub-path with an x-contract-kit "set" is an action. Everything else
 * is synthesized from the spec. The collection's own rules (unique fields, upserts, aliases, hidden items)
 * are data, under x-contract-kit on its path item.
 */
public final class ResourceModel {

    private final Schemas schemas;
    private final Map<String, Collection> collections = new LinkedHashMap<>();
    private final Map<String, Behaviour> behaviours = new LinkedHashMap<>();

    /** A spec's model, built once a JVM: specs are read once and never change, and a model is only read. */
    private static final Map<OpenApiSpec, ResourceModel> BUILT =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public static ResourceModel of(OpenApiSpec spec) {
        synchronized (BUILT) {
            return BUILT.computeIfAbsent(spec, ResourceModel::new);
        }
    }

    public ResourceModel(OpenApiSpec spec) {
        this.schemas = new Schemas(spec.document());
        List<Operation> operations = spec.operations();
        Set<String> templates = operations.stream().map(Operation::pathTemplate).collect(Collectors.toSet());
        for (String template : itemTemplates(operations)) {
            if (isCollection(PathTemplates.parent(template), templates, operations)) {
                collections.computeIfAbsent(PathTemplates.parent(template), c -> collection(c, spec, operations));
            }
        }
        for (Operation operation : operations) {
            behaviours.put(operation.id(), infer(operation));
        }
    }

    public Behaviour behaviour(Operation operation) {
        return behaviours.get(operation.id());
    }

    public Map<String, Behaviour> behaviours() {
        return behaviours;
    }

    public java.util.Collection<Collection> collections() {
        return collections.values();
    }

    Schemas schemas() {
        return schemas;
    }

    /** A collection's item fields in the order its schema declares them (how a store without key order answers). */
    public List<String> fieldOrder(String template) {
        for (Collection collection : collections()) {
            if (collection.template().equals(template)) {
                List<String> fields = new java.util.ArrayList<>();
                schemas.resolve(collection.itemSchema()).path("properties").fieldNames().forEachRemaining(fields::add);
                return fields;
            }
        }
        return List.of();
    }

    /** The collection a concrete path names (/v1/businesses/b1/customers), or null. */
    public Collection collectionAt(String path) {
        for (Collection collection : collections.values()) {
            if (path.matches(collection.template().replaceAll("\\{[^}/]+}", "[^/]+"))) {
                return collection;
            }
        }
        return null;
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
            if (r < rank && !responseSchema(operation).isMissingNode()) {
                rank = r;
                itemSchema = unwrap(responseSchema(operation), template);
                source = r <= 2 ? operation.pointer() : null;
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
     * Which answer shows an item best, lower first: the item's GET, its PUT or PATCH, the collection's POST,
     * the collection's GET (its array's items), the item's DELETE (which may answer only {success}); none.
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
            return method.equals("post") ? 2 : method.equals("get") ? 3 : Integer.MAX_VALUE;
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

    private Behaviour infer(Operation operation) {
        String template = operation.pathTemplate();
        String method = operation.method();
        JsonNode rule = schemas.document().at(operation.pointer() + "/x-contract-kit");
        Collection own = collections.get(template);
        if (own != null && method.equals("post") && rule.has("createsEach")) {
            return new Behaviour(Behaviour.Kind.CREATE_EACH, own, rule);
        }
        if (own != null && method.equals("post") && describesItem(operation, own)) {
            return new Behaviour(Behaviour.Kind.CREATE, own, rule);
        }
        if (own != null && method.equals("get")) {
            return new Behaviour(Behaviour.Kind.LIST, own, rule);
        }
        Collection ofItem = PathTemplates.isParam(PathTemplates.last(template)) ? collections.get(PathTemplates.parent(template)) : null;
        if (ofItem != null) {
            switch (method) {
                case "get" -> {
                    return new Behaviour(Behaviour.Kind.READ, ofItem, rule);
                }
                case "put", "patch" -> {
                    return new Behaviour(Behaviour.Kind.UPDATE, ofItem, rule);
                }
                case "delete" -> {
                    return new Behaviour(Behaviour.Kind.DELETE, ofItem, rule);
                }
                default -> { }
            }
        }
        if (rule.has("set") && !PathTemplates.isParam(PathTemplates.last(template)) && PathTemplates.isParam(PathTemplates.last(PathTemplates.parent(template)))) {
            Collection ofAction = collections.get(PathTemplates.parent(PathTemplates.parent(template)));
            if (ofAction != null) {
                return new Behaviour(Behaviour.Kind.ACTION, ofAction, rule.get("set"));
            }
        }
        if (method.equals("get") && PathTemplates.isParam(PathTemplates.last(template)) && !PathTemplates.isParam(PathTemplates.last(PathTemplates.parent(template)))) {
            Collection looked = collections.get(PathTemplates.parent(PathTemplates.parent(template)));
            String field = PathTemplates.last(PathTemplates.parent(template));
            if (looked != null && (field.equals(PathTemplates.param(PathTemplates.last(template)))
                    || !schemas.property(looked.itemSchema(), field).isMissingNode())) {
                return new Behaviour(Behaviour.Kind.LOOKUP, looked, JsonNodeFactory.instance.textNode(field));
            }
        }
        return new Behaviour(Behaviour.Kind.SYNTHESIZED, null, rule);
    }

    /**
     * A POST on a collection creates one item when its body shares a field with the item, or when what it
     * answers (unwrapped) is the item: Vayu's sendEvents posts {"events": [...]} to /events and answers
     * {validEvents, invalidEvents}, which is neither.
     */
    private boolean describesItem(Operation operation, Collection collection) {
        for (var fields = schemas.requestSchema(operation.pointer()).path("properties").fieldNames(); fields.hasNext(); ) {
            if (!schemas.property(collection.itemSchema(), fields.next()).isMissingNode()) {
                return true;
            }
        }
        JsonNode answer = responseSchema(operation);
        return !answer.isMissingNode() && isItem(unwrap(answer, collection.template()), collection);
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
        return objects.contains("data") ? "data" : null;
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
