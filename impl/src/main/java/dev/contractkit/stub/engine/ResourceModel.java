package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
        for (Operation operation : operations) {
            String template = operation.pathTemplate();
            if (PathTemplates.isParam(PathTemplates.last(template)) && isCollection(PathTemplates.parent(template), templates, operations)) {
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
        String idParam = null;
        JsonNode idSchema = JsonNodeFactory.instance.objectNode();
        JsonNode itemSchema = null;
        String source = null;
        for (Operation operation : operations) {
            String t = operation.pathTemplate();
            if (PathTemplates.parent(t).equals(template) && PathTemplates.isParam(PathTemplates.last(t))) {
                idParam = PathTemplates.param(PathTemplates.last(t));
                idSchema = pathParamSchema(spec, operation, idParam);
                if ((itemSchema == null || operation.method().equals("get")) && !responseSchema(operation).isMissingNode()) {
                    itemSchema = unwrap(responseSchema(operation), template);
                    source = operation.pointer();
                }
            }
        }
        JsonNode rules = rules(spec, template, idParam);
        return new Collection(template, PathTemplates.noun(PathTemplates.last(template)), List.copyOf(scopeParams), idParam, idSchema,
                itemSchema == null ? JsonNodeFactory.instance.objectNode() : itemSchema, source, rules);
    }

    /**
     * The collection's rules: x-contract-kit on its path item, or on its item's (a spec that has no
     * collection path, as Vayu's seed file, keeps them there); the collection's win.
     */
    private static JsonNode rules(OpenApiSpec spec, String template, String idParam) {
        com.fasterxml.jackson.databind.node.ObjectNode rules = JsonNodeFactory.instance.objectNode();
        JsonNode item = spec.document().path("paths").path(template + "/{" + idParam + "}").path("x-contract-kit");
        JsonNode own = spec.document().path("paths").path(template).path("x-contract-kit");
        if (item.isObject()) {
            rules.setAll((com.fasterxml.jackson.databind.node.ObjectNode) item);
        }
        if (own.isObject()) {
            rules.setAll((com.fasterxml.jackson.databind.node.ObjectNode) own);
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
     * A POST on a collection creates one item when its body shares a field with the item: Vayu's sendEvents
     * posts {"events": [...]} to /events, which is not an event.
     */
    private boolean describesItem(Operation operation, Collection collection) {
        if (operation.bodyProperties().isEmpty()) {
            return false;
        }
        return operation.bodyProperties().stream()
                .anyMatch(field -> !schemas.property(collection.itemSchema(), field).isMissingNode());
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
            return schemas.resolve(answer);
        }
        JsonNode inner = schemas.property(answer, wrapper);
        return schemas.isArray(inner) ? schemas.resolve(inner.path("items")) : inner;
    }

    /** The property of an answer that holds the item (or items), or null when the answer is the item. */
    String wrapperProperty(JsonNode answer, String collectionTemplate) {
        JsonNode resolved = schemas.resolve(answer);
        String noun = PathTemplates.noun(PathTemplates.last(collectionTemplate)).toLowerCase(Locale.ROOT).replace(" ", "");
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

    private JsonNode pathParamSchema(OpenApiSpec spec, Operation operation, String name) {
        for (String owner : List.of(operation.pointer(), operation.pointer().substring(0, operation.pointer().lastIndexOf('/')))) {
            for (JsonNode param : spec.document().at(owner + "/parameters")) {
                JsonNode resolved = schemas.resolve(param);
                if (name.equals(resolved.path("name").asText())) {
                    return schemas.resolve(resolved.path("schema"));
                }
            }
        }
        return JsonNodeFactory.instance.objectNode().put("type", "string");
    }
}
