package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.engine.Behaviour;
import dev.contractkit.stub.engine.Collection;
import dev.contractkit.stub.engine.LookupBy;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a valid request for any operation from the spec alone, for operations no example documents:
 * every value is the smallest one its schema accepts (its example or default first), so a new operation
 * in a new spec version is tested with no new code.
 */
final class ValidRequests {

    private final String vendor;
    private final OpenApiSpec spec;
    private final ConstraintBreaker schemas;

    ValidRequests(String vendor, OpenApiSpec spec) {
        this.vendor = vendor;
        this.spec = spec;
        this.schemas = new ConstraintBreaker(spec.document());
    }

    /** Values that fit their schemas, nothing looked up: all a client or the stub's validation needs. */
    ValidRequest fitting(Operation operation, boolean everyQueryParam) {
        Map<String, String> path = new LinkedHashMap<>();
        operation.pathParamSchemas().forEach((name, schema) ->
                path.put(name, schemas.minimal(schema.getSchemaNode()).asText()));
        for (String name : operation.pathParamNames()) {
            path.putIfAbsent(name, "x"); // a parameter the spec gives no schema
        }
        Map<String, JsonNode> query = new LinkedHashMap<>();
        for (QueryParam param : operation.queryParams().values()) {
            if (everyQueryParam || param.required()) {
                query.put(param.name(), schemas.minimal(param.schemaNode()));
            }
        }
        return new ValidRequest(operation, path, query, RequiredHeaders.of(spec, operation), body(operation));
    }

    /**
     * A valid request whose item exists: for an operation on a collection or one of its items, an item is
     * seeded first (in a scope of its own, which seeding creates) and its id, or the field a lookup finds it
     * by, goes into the path. Only required query parameters are sent.
     */
    ValidRequest existing(Operation operation, StubServer stub) {
        ValidRequest fitting = fitting(operation, false);
        Behaviour behaviour = stub.state().vendor(StubVendors.of(vendor)).model().behaviour(operation);
        Collection collection = behaviour.collection();
        if (collection == null || behaviour.kind() == Behaviour.Kind.SUBSCRIBE) {
            return fitting; // a subscription is kept by the request itself; there is nothing to seed first
        }
        if (behaviour.kind() == Behaviour.Kind.APPEND || behaviour.kind() == Behaviour.Kind.LEDGER) {
            return owned(fitting, collection, stub);
        }
        Map<String, String> path = new LinkedHashMap<>(fitting.pathParams());
        ObjectNode item = SpecDocument.JSON.createObjectNode();
        String lookupParam = null;
        if (behaviour.kind() == Behaviour.Kind.LOOKUP) {
            String field = behaviour.detail().asText();
            lookupParam = operation.pathParamNames().get(operation.pathParamNames().size() - 1);
            JsonNode value = schemas.minimal(schemas.property(collection.itemSchema(), field));
            item.set(field, value);
            path.put(lookupParam, value.asText());
        }
        if (behaviour.kind() == Behaviour.Kind.LOOKUP_BY) {
            // The item the lookup finds: its fields hold the path's values (a case's own values for the parameters it
            // is chosen by, where the fitting ones meet none)
            var sample = LookupBy.sample(behaviour.detail(), path);
            path.putAll(sample.getKey());
            item = sample.getValue();
        }
        ObjectNode seeded = stub.state().seed(StubVendors.of(vendor), PathTemplates.fillRaw(collection.template(), path), item);
        if (behaviour.kind() == Behaviour.Kind.LOOKUP_BY) {
            byId(behaviour.detail(), path, collection.idField(), seeded);
        }
        // The parameter that names the seeded item: its collection's id, or one the behaviour names (a usage
        // answer's /product-consumption/{productId} names a meter).
        String named = behaviour.detail().path("itemParam").asText(collection.idParam());
        if (operation.pathParamNames().contains(named) && !named.equals(lookupParam)) {
            path.put(named, seeded.path(collection.idField()).asText());
        }
        return new ValidRequest(operation, path, fitting.query(), fitting.headers(), fitting.body());
    }

    /** A lookup case that matches the item's own id is sent the id the seeded item was given. */
    private static void byId(JsonNode cases, Map<String, String> path, String idField, ObjectNode seeded) {
        JsonNode chosen = LookupBy.applying(cases, path);
        if (chosen != null) {
            chosen.path("match").fields().forEachRemaining(m -> {
                if (m.getValue().asText().equals("/" + idField)) {
                    path.put(m.getKey(), seeded.path(idField).asText());
                }
            });
        }
    }

    /**
     * A ledger's entries are kept per key, an item of the ledger's owner collection (Vayu's credits, per
     * customer): that item is seeded and its id sent as the key, in the query of the list and the body of a move.
     */
    private ValidRequest owned(ValidRequest fitting, Collection ledger, StubServer stub) {
        String owner = ledger.rules().path("owner").asText(null);
        String key = ledger.rules().path("keyedBy").asText();
        if (owner == null) {
            return fitting;
        }
        ObjectNode seeded = stub.state().seed(StubVendors.of(vendor), owner, SpecDocument.JSON.createObjectNode());
        String idField = stub.state().vendor(StubVendors.of(vendor)).model().collections().stream()
                .filter(c -> c.template().equals(owner)).findFirst().map(Collection::idField).orElse("id");
        com.fasterxml.jackson.databind.node.TextNode id = com.fasterxml.jackson.databind.node.TextNode.valueOf(seeded.path(idField).asText());
        Map<String, JsonNode> query = new LinkedHashMap<>(fitting.query());
        if (query.containsKey(key)) {
            query.put(key, id);
        }
        JsonNode body = fitting.body();
        if (body.isObject()) {
            body = ((ObjectNode) body).deepCopy().set(key, id);
        }
        return new ValidRequest(fitting.operation(), fitting.pathParams(), query, fitting.headers(), body);
    }

    /** The request schema's own example when it fits, else the smallest body the schema accepts. */
    private JsonNode body(Operation operation) {
        if (!operation.hasBody()) {
            return MissingNode.getInstance();
        }
        JsonNode example = spec.document().at(spec.resolvedPointer(operation.pointer() + "/requestBody")
                + "/content/application~1json/example");
        if (!example.isMissingNode() && RequestValidator.body(operation, example).isEmpty()) {
            return example;
        }
        return schemas.minimal(operation.bodySchema().getSchemaNode());
    }
}
