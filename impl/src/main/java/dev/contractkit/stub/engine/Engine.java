package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.contractkit.stub.spec.ValidatedRequest;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.store.ResourceStore;
import java.util.List;
import java.util.Map;

/**
 * Serves every operation of a vendor's spec from its resource model: no code per operation. A request
 * arrives here only after the pipeline has routed, authenticated and validated it.
 */
public final class Engine {

    /** What a vendor's few rules that data cannot say do to an item being written (Layer's tags). */
    public interface WriteRule {
        WriteRule NONE = (collection, scope, sent, item) -> { };

        void apply(Collection collection, String scope, JsonNode sent, ObjectNode item);
    }

    /** What a vendor does to a synthesized answer that its data cannot say (Vayu's login answers a JWT). */
    public interface AnswerRule {
        AnswerRule NONE = answer -> answer;

        JsonNode apply(JsonNode answer);
    }

    /** The answer: a status and a JSON body (null for none). */
    public record Answer(int status, JsonNode body) {
    }

    private final ResourceModel model;
    private final ResourceStore store;
    private final Items items;
    private final Answers answers;
    private final Listing listing;
    private final WriteRule writeRule;
    private final AnswerRule answerRule;
    private final Scopes scopes;
    private final Ledger ledger;
    private final Batches batches;
    private final Usage usage;
    private final Subscriptions subscriptions;

    public Engine(OpenApiSpec spec, ResourceModel model, ResourceStore store, WriteRule writeRule, AnswerRule answerRule,
            NotFound notFound) {
        this.answerRule = answerRule;
        this.model = model;
        this.store = store;
        this.items = new Items(model.schemas());
        this.answers = new Answers(model);
        this.listing = new Listing(model.schemas());
        this.writeRule = writeRule;
        this.scopes = new Scopes(model, store, notFound);
        this.ledger = new Ledger(model, store, scopes);
        this.batches = new Batches(model, store);
        this.usage = new Usage(model, store, scopes);
        this.subscriptions = new Subscriptions(model, store);
    }

    public ResourceModel model() {
        return model;
    }

    public Answer serve(ValidatedRequest request) {
        Operation operation = request.route().operation();
        Behaviour behaviour = model.behaviour(operation);
        Map<String, String> params = request.route().pathParams();
        Collection collection = behaviour.collection();
        return switch (behaviour.kind()) {
            case CREATE -> create(operation, collection, params, request.body());
            case CREATE_EACH -> createEach(operation, collection, params, request.body(), behaviour.detail());
            case READ -> found(operation, collection, params, item -> item);
            case UPDATE -> changed(operation, collection, params, params.get(collection.idParam()), request.body(), null);
            case DELETE -> deleted(operation, collection, params);
            case LIST -> list(operation, collection, params, request);
            case LOOKUP -> lookup(operation, collection, params, behaviour.detail().asText());
            case LOOKUP_BY -> lookupBy(operation, collection, params, behaviour.detail());
            case VIEW -> found(operation, collection, params, item -> Views.of(behaviour.detail().path("view"), item));
            case ACTION -> changed(operation, collection, params, params.get(collection.idParam()), null,
                    (ObjectNode) behaviour.detail());
            case APPEND -> appended(operation, collection, behaviour.detail(), request.body());
            case LEDGER -> entries(operation, collection, request);
            case DELETE_EACH -> new Answer(operation.successStatus(),
                    batches.deleteEach(operation, collection, behaviour.detail(), request.body()));
            case DRY_RUN -> new Answer(operation.successStatus(),
                    batches.dryRun(operation, collection, behaviour.detail(), request.body()));
            case USAGE -> usage.serve(operation, params, behaviour.detail());
            case SUBSCRIBE -> subscribed(operation, collection, params, request.body());
            case SYNTHESIZED -> new Answer(operation.successStatus(),
                    answerRule.apply(answers.synthesized(operation, operation.successStatus())));
        };
    }

    /** Stores a new item, or (create-as-upsert) merges into the one holding the same upsert field: 201 or 200. */
    private Answer create(Operation operation, Collection collection, Map<String, String> params, JsonNode sent) {
        String scope = Scopes.scope(collection, params);
        String upsertOn = collection.rules().path("upsertOn").asText(null);
        return store.inScope(collection.template(), scope, scopes.creatable(collection, params), s -> {
            JsonNode key = upsertOn == null || sent == null ? null : sent.get(upsertOn);
            ObjectNode existing = key == null || key.isNull() ? null : s.find(upsertOn, key);
            if (existing != null) {
                ObjectNode updated = write(collection, scope, sent, existing, false);
                s.put(updated.path(collection.idField()).asText(), updated, collection.uniqueFields(), collection.noun());
                int status = documents(operation, 200) ? 200 : operation.successStatus();
                return new Answer(status, answers.item(operation, status, collection, updated));
            }
            JsonNode given = sent == null ? null : sent.get(collection.idField());
            if (given != null && !given.isNull() && s.get(given.asText()) != null) {
                throw ResourceStore.taken(collection.noun(), collection.idField(), given); // a create never replaces
            }
            ObjectNode created = items.created(write(collection, scope, sent, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), true),
                    collection, () -> s.items().size(), id -> s.get(id) != null);
            s.put(created.path(collection.idField()).asText(), created, collection.uniqueFields(), collection.noun());
            int status = documents(operation, 201) ? 201 : operation.successStatus();
            return new Answer(status, answers.item(operation, status, collection, created));
        }).orElseThrow(() -> scopes.scopeNotFound(collection, scope));
    }

    /**
     * Vayu's sendEvents: each element of the body's array (x-contract-kit createsEach) becomes an item, then
     * read by its id (GET /events/{refId}); the answer lists them under answersIn (validEvents).
     */
    private Answer createEach(Operation operation, Collection collection, Map<String, String> params, JsonNode sent,
            JsonNode rule) {
        String scope = Scopes.scope(collection, params);
        List<ObjectNode> created = store.inScope(collection.template(), scope, scopes.creatable(collection, params), s -> {
            List<ObjectNode> all = new java.util.ArrayList<>();
            for (JsonNode element : sent.path(rule.path("createsEach").asText())) {
                ObjectNode item = items.created(write(collection, scope, element,
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), true), collection,
                        () -> s.items().size(), id -> s.get(id) != null);
                all.add(s.put(item.path(collection.idField()).asText(), item, collection.uniqueFields(), collection.noun()));
            }
            return all;
        }).orElseThrow(() -> scopes.scopeNotFound(collection, scope));
        int status = operation.successStatus();
        return new Answer(status, answers.listedIn(operation, status, rule.path("answersIn").asText(null), created));
    }

    private Answer found(Operation operation, Collection collection, Map<String, String> params,
            java.util.function.UnaryOperator<ObjectNode> view) {
        String scope = Scopes.scope(collection, params);
        String id = params.get(collection.idParam());
        ObjectNode item = store.inScope(collection.template(), scope, false, s -> s.get(id))
                .orElseThrow(() -> scopes.missing(collection, scope, id));
        return new Answer(operation.successStatus(), answers.item(operation, operation.successStatus(), collection, view.apply(item)));
    }

    /**
     * An update (fields merged) or an action (fields set), on a copy stored only when it succeeds. A PUT that
     * documents 201 makes the item it names when there is none (PUT /things/{name} as a create).
     */
    private Answer changed(Operation operation, Collection collection, Map<String, String> params, String id,
            JsonNode sent, ObjectNode set) {
        String scope = Scopes.scope(collection, params);
        boolean puts = set == null && operation.method().equals("put") && documents(operation, 201);
        boolean[] made = {false};
        ObjectNode updated = store.inScope(collection.template(), scope, puts && scopes.creatable(collection, params), s -> {
            ObjectNode current = s.get(id);
            if (current == null && puts) {
                made[0] = true;
                ObjectNode blank = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                blank.set(collection.idField(), TextNode.valueOf(id));
                ObjectNode created = items.created(write(collection, scope, sent, blank, true), collection);
                created.set(collection.idField(), blank.get(collection.idField()));
                return s.put(id, created, collection.uniqueFields(), collection.noun());
            }
            if (current == null) {
                return null;
            }
            ObjectNode next = set != null ? items.touched(merge(current, set), collection)
                    : write(collection, scope, sent, current, false);
            return s.put(id, next, collection.uniqueFields(), collection.noun());
        }).orElseThrow(() -> scopes.missing(collection, scope, id));
        int status = made[0] ? 201 : operation.successStatus();
        return new Answer(status, answers.item(operation, status, collection, updated));
    }

    private static ObjectNode merge(ObjectNode current, ObjectNode set) {
        ObjectNode next = current.deepCopy();
        next.setAll(set.deepCopy());
        return next;
    }

    private Answer deleted(Operation operation, Collection collection, Map<String, String> params) {
        String scope = Scopes.scope(collection, params);
        String id = params.get(collection.idParam());
        ObjectNode removed = store.inScope(collection.template(), scope, false, s -> s.remove(id))
                .orElseThrow(() -> scopes.missing(collection, scope, id));
        return new Answer(operation.successStatus(), answers.item(operation, operation.successStatus(), collection, removed));
    }

    private Answer list(Operation operation, Collection collection, Map<String, String> params, ValidatedRequest request) {
        String scope = Scopes.scope(collection, params);
        List<ObjectNode> all = store.inScope(collection.template(), scope, scopes.creatable(collection, params),
                ResourceStore.Scope::items).orElseThrow(() -> scopes.scopeNotFound(collection, scope));
        Listing.Page page = listing.page(operation, collection, all, request);
        return new Answer(operation.successStatus(),
                answers.page(operation, operation.successStatus(), collection, page.items(), page.pagination()));
    }

    private Answer lookup(Operation operation, Collection collection, Map<String, String> params, String field) {
        String value = params.values().stream().reduce((a, b) -> b).orElse("");
        String scope = Scopes.scope(collection, params);
        ObjectNode item = store.inScope(collection.template(), scope, scopes.creatable(collection, params),
                s -> s.find(field, TextNode.valueOf(value))).orElseThrow(() -> scopes.missingBy(collection, scope, field, value));
        return new Answer(operation.successStatus(), answers.item(operation, operation.successStatus(), collection, item));
    }

    /**
     * The item a lookupBy case finds (see {@link LookupBy}); none, or no case for these parameters, is the vendor's
     * miss, named by the parameters after the collection ("Customer with integrationType Stripe and integrationId
     * cus_1 not found").
     */
    private Answer lookupBy(Operation operation, Collection collection, Map<String, String> params, JsonNode cases) {
        String scope = Scopes.scope(collection, params);
        JsonNode chosen = LookupBy.applying(cases, params);
        ObjectNode item = chosen == null ? null : store.inScope(collection.template(), scope, scopes.creatable(collection, params),
                s -> s.items().stream().filter(i -> LookupBy.finds(chosen.path("match"), params, i)).findFirst().orElse(null))
                .orElse(null);
        if (item == null) {
            List<String> names = operation.pathParamNames().stream().filter(n -> !collection.scopeParams().contains(n)).toList();
            String last = names.isEmpty() ? "" : names.get(names.size() - 1);
            String field = String.join(" and ", names.stream().map(n -> n.equals(last) ? n : n + " " + params.get(n)).toList());
            throw scopes.missingBy(collection, scope, field, params.getOrDefault(last, ""));
        }
        return new Answer(operation.successStatus(), answers.item(operation, operation.successStatus(), collection, item));
    }

    /** An entry appended to a ledger: the entry where the operation answers one, else its documented answer. */
    private Answer appended(Operation operation, Collection ledgerOf, JsonNode rule, JsonNode sent) {
        ObjectNode entry = ledger.append(ledgerOf, rule, sent);
        int status = operation.successStatus();
        return new Answer(status, model.responseSchema(operation).isMissingNode() ? null
                : answers.item(operation, status, ledgerOf, entry));
    }

    /** A subscription kept: answered as the operation documents (the subscription, or no body where it has no schema). */
    private Answer subscribed(Operation operation, Collection kept, Map<String, String> params, JsonNode sent) {
        ObjectNode subscription = subscriptions.subscribe(kept, params, sent);
        int status = operation.successStatus();
        return new Answer(status, model.responseSchema(operation).isMissingNode() ? null
                : answers.item(operation, status, kept, subscription));
    }

    /** Every subscription kept now (x-contract-kit "subscribes"), for the admin API. Nothing is delivered to them. */
    public List<Subscriptions.Kept> subscriptions() {
        return Subscriptions.all(model, store);
    }

    /** One key's entries (the key a query parameter named as the ledger's keyedBy), paginated as the list declares. */
    private Answer entries(Operation operation, Collection ledgerOf, ValidatedRequest request) {
        String key = request.queryValue(ledgerOf.rules().path("keyedBy").asText());
        List<ObjectNode> all = ledger.entries(ledgerOf, key == null ? "" : key);
        Listing.Page page = listing.page(operation, ledgerOf, all, request);
        return new Answer(operation.successStatus(),
                answers.page(operation, operation.successStatus(), ledgerOf, page.items(), page.pagination()));
    }

    /** The fields sent merged into a copy, the vendor's write rule applied, updatedAt moved. */
    private ObjectNode write(Collection collection, String scope, JsonNode sent, ObjectNode current, boolean creating) {
        ObjectNode next = items.merge(current, sent, collection);
        writeRule.apply(collection, scope, sent, next);
        return creating ? next : items.touched(items.complete(next, collection), collection);
    }

    private static boolean documents(Operation operation, int status) {
        return operation.documentedStatuses().contains(status);
    }

    /** How a vendor words a miss: Vayu "Customer with id … not found", Layer "Customer … not found". */
    public interface NotFound {
        String item(String noun, String id);

        default String owner(String noun, String id) {
            return item(noun, id);
        }

        /**
         * A lookup by another field than the id found nothing: named by that field, since the value is no id
         * ("Customer with externalId acme-9 not found" for GET /customers/externalId/acme-9).
         */
        default String lookup(String noun, String field, String value) {
            return noun + " with " + field + " " + value + " not found";
        }
    }
}
