package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every operation of a spec does, read from its paths: a collection (/customers) and its item
 * (/customers/{customerId}) make create, list, read, update and delete; /customers/externalId/{externalId}
 * is a lookup by that field; an item's sub-path with an x-contract-kit "set" is an action. Everything else
 * is synthesized from the spec. The collection's own rules (unique fields, upserts, aliases, hidden items)
 * are data, under x-contract-kit on its path item.
 */
public final class ResourceModel {

    private final Schemas schemas;
    private final ItemShapes shapes;
    private final Map<String, Collection> collections = new LinkedHashMap<>();
    private final Map<String, Behaviour> behaviours = new LinkedHashMap<>();
    private List<Operation> operationsByTemplate = List.of();

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
        this.shapes = new ItemShapes(schemas);
        collections.putAll(new CollectionFinder(spec, schemas, shapes).collections());
        List<Operation> operations = spec.operations();
        operationsByTemplate = operations;
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

    /** The collection of this path template, or null. */
    Collection collection(String template) {
        return collections.get(template);
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

    private Behaviour infer(Operation operation) {
        String template = operation.pathTemplate();
        String method = operation.method();
        JsonNode rule = schemas.document().at(operation.pointer() + "/x-contract-kit");
        Behaviour usage = usage(operation, rule.path("usage"));
        if (usage != null) {
            return usage;
        }
        Collection own = collections.get(template);
        Behaviour computed = method.equals("get") ? computed(operation, rule) : null;
        if (computed != null) {
            return computed;
        }
        Behaviour batch = batch(operation, rule);
        if (batch != null) {
            return batch;
        }
        Behaviour subscribes = subscribes(operation, rule);
        if (subscribes != null) {
            return subscribes;
        }
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
        boolean subPathOfItem = !PathTemplates.isParam(PathTemplates.last(template)) && PathTemplates.isParam(PathTemplates.last(PathTemplates.parent(template)));
        Collection ofAction = subPathOfItem ? collections.get(PathTemplates.parent(PathTemplates.parent(template))) : null;
        if (rule.has("set") && ofAction != null) {
            return new Behaviour(Behaviour.Kind.ACTION, ofAction, rule.get("set"));
        }
        boolean byOneParam = PathTemplates.isParam(PathTemplates.last(template)) && !PathTemplates.isParam(PathTemplates.last(PathTemplates.parent(template)));
        Collection looked = byOneParam ? collections.get(PathTemplates.parent(PathTemplates.parent(template))) : null;
        String field = PathTemplates.last(PathTemplates.parent(template));
        if (method.equals("get") && looked != null && (field.equals(PathTemplates.param(PathTemplates.last(template)))
                || !schemas.property(looked.itemSchema(), field).isMissingNode())) {
            return new Behaviour(Behaviour.Kind.LOOKUP, looked, JsonNodeFactory.instance.textNode(field));
        }
        Behaviour nested = method.equals("get") ? nestedLookup(operation) : null;
        if (nested != null) {
            return nested;
        }
        String verb = method.toUpperCase(java.util.Locale.ROOT);
        String ruled = rule.isObject() && rule.size() > 0
                ? "its x-contract-kit rule (" + String.join(", ", fieldNames(rule)) + ") names nothing this spec has"
                : "no x-contract-kit rule";
        String reason;
        if (own != null && method.equals("post")) {
            reason = "POST on the collection " + template + " whose body shares no field with its item and whose answer is not the item, and "
                    + ruled;
        } else if (own != null) {
            reason = verb + " on the collection " + template + " itself (only GET lists and POST creates), and " + ruled;
        } else if (ofItem != null) {
            reason = verb + " on an item of " + ofItem.template() + " (only GET, PUT, PATCH and DELETE act on one), and " + ruled;
        } else if (ofAction != null) {
            reason = verb + " on a sub-path of an item of " + ofAction.template()
                    + " (only an x-contract-kit set rule makes one an action on the item), and " + ruled;
        } else if (looked != null && method.equals("get")) {
            reason = "GET by " + PathTemplates.last(template) + " below " + looked.template() + ", but " + field
                    + " is no field of its item (so no lookup), and " + ruled;
        } else if (looked != null) {
            reason = verb + " by " + PathTemplates.last(template) + " below " + looked.template() + ": only a GET looks up, and " + ruled;
        } else if (collectionAbove(template) != null) {
            reason = verb + " below the collection " + collectionAbove(template)
                    + " but not its item, an item's sub-path or a lookup (a field's name, then one parameter), and " + ruled;
        } else {
            reason = verb + " with no collection at or above this path, and " + ruled;
        }
        return Behaviour.synthesized(rule, reason);
    }

    /**
     * A GET the operation's rule says is a lookup ("lookupBy": its cases, on the collection "in" names or the one
     * the path starts with) or a view of an item ("view": on the collection "of" names, or the one whose item
     * path the operation's path is a sub-path of, as /invoices/{invoiceId}/payment-status), or null.
     */
    private Behaviour computed(Operation operation, JsonNode rule) {
        if (rule.path("lookupBy").isArray()) {
            Collection in = rule.has("in") ? collections.get(rule.get("in").asText()) : below(operation.pathTemplate());
            return in == null ? null : new Behaviour(Behaviour.Kind.LOOKUP_BY, in, rule.get("lookupBy"));
        }
        if (rule.path("view").isObject()) {
            Collection of = rule.has("of") ? collections.get(rule.get("of").asText()) : null;
            for (Collection candidate : collections.values()) {
                if (of == null && operation.pathTemplate().startsWith(candidate.itemTemplate() + "/")) {
                    of = candidate;
                }
            }
            return of == null || !operation.pathParamNames().contains(of.idParam()) ? null
                    : new Behaviour(Behaviour.Kind.VIEW, of, rule);
        }
        return null;
    }

    /** The collection with the longest template that the path continues by a fixed segment (/customers for /customers/x/{y}). */
    private Collection below(String template) {
        Collection found = null;
        for (Collection candidate : collections.values()) {
            String rest = template.startsWith(candidate.template() + "/") ? template.substring(candidate.template().length() + 1) : null;
            if (rest != null && !PathTemplates.isParam(rest.split("/")[0])
                    && (found == null || candidate.template().length() > found.template().length())) {
                found = candidate;
            }
        }
        return found;
    }

    /**
     * A lookup through a nested field, inferred: /things/integration/{integrationType}/{integrationId}, a fixed
     * segment and parameters after a collection, whose item has an array property named as the segment
     * (integrations) of objects with a field for each parameter, named as it or as it less the segment's words
     * (type, id). The parameters must then hold in one element of the array.
     */
    private Behaviour nestedLookup(Operation operation) {
        Collection collection = below(operation.pathTemplate());
        if (collection == null) {
            return null;
        }
        String[] rest = operation.pathTemplate().substring(collection.template().length() + 1).split("/");
        if (rest.length < 2 || PathTemplates.isParam(rest[0])) {
            return null;
        }
        for (int i = 1; i < rest.length; i++) {
            if (!PathTemplates.isParam(rest[i])) {
                return null;
            }
        }
        String segment = Paging.normal(rest[0]);
        for (var it = schemas.properties(schemas.resolve(collection.itemSchema())); it.hasNext(); ) {
            var property = it.next();
            JsonNode array = schemas.resolve(property.getValue());
            if (!Paging.normal(property.getKey()).startsWith(segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment)
                    || !schemas.isArray(array)) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode match = JsonNodeFactory.instance.objectNode();
            JsonNode element = schemas.resolve(array.path("items"));
            for (int i = 1; i < rest.length; i++) {
                String param = PathTemplates.param(rest[i]);
                String field = fieldFor(element, param, segment);
                if (field != null) {
                    match.put(param, "/" + property.getKey() + "/*/" + field);
                }
            }
            if (match.size() == rest.length - 1) {
                com.fasterxml.jackson.databind.node.ArrayNode cases = JsonNodeFactory.instance.arrayNode();
                cases.addObject().set("match", match);
                return new Behaviour(Behaviour.Kind.LOOKUP_BY, collection, cases);
            }
        }
        return null;
    }

    /** The element's field named as the parameter, or as it less the segment it starts with (integrationId: id). */
    private String fieldFor(JsonNode element, String param, String segment) {
        String name = Paging.normal(param);
        String stem = segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
        String less = name.startsWith(stem) ? name.substring(stem.length()) : name;
        for (var it = schemas.properties(element); it.hasNext(); ) {
            String field = it.next().getKey();
            if (Paging.normal(field).equals(name) || Paging.normal(field).equals(less)) {
                return field;
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode rule) {
        List<String> names = new java.util.ArrayList<>();
        rule.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The nearest collection whose path this one is below (/customers for /customers/a/{b}/{c}), or null. */
    private String collectionAbove(String template) {
        for (String above = PathTemplates.parent(template); above != null && !above.isEmpty() && !above.equals("/");
                above = PathTemplates.parent(above)) {
            if (collections.containsKey(above)) {
                return above;
            }
        }
        return null;
    }

    /**
     * A POST whose rule "subscribes" names the body's callback field (and its events field): the body is kept as a
     * subscription, in a collection of the operation's own path (scoped by its path parameters), or null.
     */
    private Behaviour subscribes(Operation operation, JsonNode rule) {
        JsonNode subscribes = rule.path("subscribes");
        JsonNode body = schemas.resolve(schemas.requestSchema(operation.pointer()));
        if (!operation.method().equals("post") || !subscribes.isObject()
                || schemas.property(body, subscribes.path("callback").asText("")).isMissingNode()
                || subscribes.has("events") && schemas.property(body, subscribes.path("events").asText()).isMissingNode()) {
            return null;
        }
        String template = operation.pathTemplate();
        Collection kept = subscriptions.computeIfAbsent(template, t -> new Collection(t, "Subscription",
                operation.pathParamNames(), "id",
                JsonNodeFactory.instance.objectNode().put("type", "string").put("format", "uuid"), body, null, subscribes));
        return new Behaviour(Behaviour.Kind.SUBSCRIBE, kept, subscribes);
    }

    private final Map<String, Collection> subscriptions = new LinkedHashMap<>();

    /**
     * What the operation's own rule says it does to a ledger or to many items of a collection ("appendsTo",
     * "ledger" on the path item, "deletesEach"/"from", "dryRun"/"in"), or null.
     */
    private Behaviour batch(Operation operation, JsonNode rule) {
        String method = operation.method();
        JsonNode ledger = schemas.document().path("paths").path(operation.pathTemplate()).path("x-contract-kit").path("ledger");
        if (method.equals("get") && ledger.isObject()) {
            return new Behaviour(Behaviour.Kind.LEDGER, ledger(operation.pathTemplate(), operation, ledger), rule);
        }
        if (!method.equals("post")) {
            return null;
        }
        if (rule.has("appendsTo")) {
            String to = rule.get("appendsTo").asText();
            JsonNode target = schemas.document().path("paths").path(to);
            Operation list = listOf(to);
            if (list != null && target.path("x-contract-kit").path("ledger").isObject()) {
                return new Behaviour(Behaviour.Kind.APPEND, ledger(to, list, target.path("x-contract-kit").path("ledger")), rule);
            }
        }
        if (rule.has("deletesEach") && collections.containsKey(rule.path("from").asText())) {
            return new Behaviour(Behaviour.Kind.DELETE_EACH, collections.get(rule.path("from").asText()), rule);
        }
        if (rule.path("dryRun").asBoolean() && rule.has("createsEach") && collections.containsKey(rule.path("in").asText())) {
            return new Behaviour(Behaviour.Kind.DRY_RUN, collections.get(rule.path("in").asText()), rule);
        }
        return null;
    }

    private final Map<String, Collection> ledgers = new LinkedHashMap<>();

    /** A ledger as a collection of entries: the list's array items, keyed by the rule's key (a scope of its own). */
    private Collection ledger(String template, Operation list, JsonNode rule) {
        return ledgers.computeIfAbsent(template, t -> {
            JsonNode entry = unwrap(responseSchema(list), t);
            JsonNode id = schemas.property(entry, "id");
            com.fasterxml.jackson.databind.node.ObjectNode idSchema = id.isObject()
                    ? ((com.fasterxml.jackson.databind.node.ObjectNode) id).deepCopy()
                    : JsonNodeFactory.instance.objectNode().put("type", "string");
            idSchema.remove(List.of("example", "description"));
            return new Collection(t, PathTemplates.noun(PathTemplates.last(t)) + " entry", List.of(), "id", idSchema, entry,
                    null, rule);
        });
    }

    private Operation listOf(String template) {
        for (Operation candidate : operationsByTemplate) {
            if (candidate.pathTemplate().equals(template) && candidate.method().equals("get")) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * An answer computed from events through meters (x-contract-kit "usage"), when the collections it names
     * exist: the meters' (whose path item has the "meter" rule) and, where given, the item whose events count.
     * Its collection is that item's, else the meters'; {@code itemParam} says which path parameter names one.
     */
    private Behaviour usage(Operation operation, JsonNode rule) {
        Collection meters = collections.get(rule.path("meters").asText(""));
        if (!rule.isObject() || meters == null || !meters.rules().has("meter")
                || collections.get(meters.rules().path("meter").path("events").asText("")) == null) {
            return null;
        }
        Collection of = rule.has("of") ? collections.get(rule.get("of").asText()) : null;
        if (rule.has("of") && of == null || rule.has("meter") && !operation.pathParamNames().contains(rule.get("meter").asText())) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode detail = ((com.fasterxml.jackson.databind.node.ObjectNode) rule).deepCopy();
        List<String> names = operation.pathParamNames();
        if (of != null && names.isEmpty()) {
            return null; // no parameter names the item whose events count
        }
        String last = of == null ? null : names.get(names.size() - 1);
        if (of != null && !rule.has("by")) {
            detail.put("itemParam", last);
        } else if (of == null && rule.has("meter")) {
            detail.put("itemParam", rule.get("meter").asText());
        }
        return new Behaviour(Behaviour.Kind.USAGE, of != null ? of : meters, detail);
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

    /** Whether a schema is the collection's item (see {@link ItemShapes#isItem}). */
    boolean isItem(JsonNode schema, Collection collection) {
        return shapes.isItem(schema, collection);
    }

    JsonNode responseSchema(Operation operation) {
        return shapes.responseSchema(operation);
    }

    JsonNode unwrap(JsonNode answer, String collectionTemplate) {
        return shapes.unwrap(answer, collectionTemplate);
    }

    String wrapperProperty(JsonNode answer, String collectionTemplate) {
        return shapes.wrapperProperty(answer, collectionTemplate);
    }
}
