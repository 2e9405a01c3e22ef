package dev.contractkit.stub.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One vendor's customers, as the JSON objects the vendor answers with, in scopes (a Layer business; Vayu
 * has one). Stored objects are never mutated: an update works on a copy and stores it only when it
 * succeeds, so a refused request changes nothing and readers always see a whole customer.
 */
public final class CustomerStore {

    private final String uniqueField;
    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    /** @param uniqueField the field no two customers of a scope may share (Vayu externalId, Layer external_id) */
    public CustomerStore(String uniqueField) {
        this.uniqueField = uniqueField;
    }

    public boolean hasScope(String scope) {
        return scopes.containsKey(scope);
    }

    public Optional<ObjectNode> get(String scope, String id) {
        Scope s = scopes.get(scope);
        return s == null ? Optional.empty() : Optional.ofNullable(s.customers.get(id));
    }

    /**
     * Applies {@code change} to a copy of the customer and stores the result atomically.
     * Empty when there is no such customer; a 409 when the result takes another customer's unique field.
     */
    public Optional<ObjectNode> update(String scope, String id, UnaryOperator<ObjectNode> change) {
        Scope s = scopes.get(scope);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            ObjectNode current = s.customers.get(id);
            if (current == null) {
                return Optional.empty();
            }
            ObjectNode updated = change.apply(current.deepCopy());
            requireUnique(s, id, updated);
            s.customers.put(id, updated);
            return Optional.of(updated);
        }
    }

    /** Stores a customer (replacing one with its id), creating the scope if needed; 409 on a taken unique field. */
    public ObjectNode put(String scope, ObjectNode customer) {
        Scope s = scopes.computeIfAbsent(scope, k -> new Scope());
        String id = customer.path("id").asText();
        synchronized (s) {
            requireUnique(s, id, customer);
            s.customers.put(id, customer.deepCopy());
        }
        return customer;
    }

    /** The customers of a scope, oldest first; empty when there is no such scope. */
    public Optional<List<ObjectNode>> list(String scope) {
        Scope s = scopes.get(scope);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s.customers) {
            return Optional.of(List.copyOf(s.customers.values()));
        }
    }

    public boolean delete(String scope, String id) {
        Scope s = scopes.get(scope);
        if (s == null) {
            return false;
        }
        synchronized (s) {
            return s.customers.remove(id) != null;
        }
    }

    /** Replaces every scope and customer with these (scope -> customers, each with an "id"). */
    public void replaceAll(Map<String, List<ObjectNode>> customersByScope) {
        synchronized (scopes) {
            scopes.clear();
            customersByScope.forEach((scope, customers) -> {
                Scope s = new Scope();
                customers.forEach(c -> s.customers.put(c.path("id").asText(), c.deepCopy()));
                scopes.put(scope, s);
            });
        }
    }

    private void requireUnique(Scope scope, String id, ObjectNode updated) {
        JsonNode value = updated.get(uniqueField);
        if (value == null || value.isNull()) {
            return;
        }
        for (Map.Entry<String, ObjectNode> other : scope.customers.entrySet()) {
            if (!other.getKey().equals(id) && value.equals(other.getValue().get(uniqueField))) {
                throw new StubException(ErrorKind.CONFLICT,
                        "Another customer already has " + uniqueField + " '" + value.asText() + "'");
            }
        }
    }

    private static final class Scope {
        final Map<String, ObjectNode> customers = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    }
}
