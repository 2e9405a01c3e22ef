package dev.contractkit.stub.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One vendor's resources, as the JSON objects the vendor answers with, by collection (its path template)
 * and scope (the values of the path parameters before it: a Layer business; "" when there are none).
 * Stored objects are never mutated: a change works on a copy and is stored only when it succeeds, so a
 * refused request changes nothing and readers always see a whole item.
 */
public final class ResourceStore {

    /**
     * Test-only: told when a thread is about to take a scope's lock and when it has read an item under it, so
     * a test can hold readers between their read and their write and prove the lock keeps updates from being
     * lost (ConcurrentUpdatesAcceptanceTest), instead of hoping the threads interleave.
     */
    interface Probe {
        Probe NONE = new Probe() {
        };

        default void beforeLock(String collection, String scope) {
        }

        default void afterRead(String id) {
        }
    }

    private final Map<String, Map<String, Scope>> collections = new ConcurrentHashMap<>();
    private volatile Probe probe = Probe.NONE;

    /** Test-only (see {@link Probe}); {@link Probe#NONE} removes it. */
    void probe(Probe probe) {
        this.probe = probe;
    }

    /** Runs {@code work} holding the scope's lock; empty when the scope does not exist and is not to be made. */
    public <T> Optional<T> inScope(String collection, String scope, boolean create, Function<Scope, T> work) {
        Map<String, Scope> scopes = collections.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
        Scope s = create ? scopes.computeIfAbsent(scope, k -> new Scope(this)) : scopes.get(scope);
        if (s == null) {
            return Optional.empty();
        }
        probe.beforeLock(collection, scope);
        synchronized (s) {
            return Optional.ofNullable(work.apply(s));
        }
    }

    public boolean hasScope(String collection, String scope) {
        return collections.getOrDefault(collection, Map.of()).containsKey(scope);
    }

    /** Replaces everything with these: collection -> scope -> items (each with its id in {@code idField}). */
    public synchronized void replaceAll(Map<String, Map<String, List<ObjectNode>>> items, Function<String, String> idField) {
        collections.clear();
        items.forEach((collection, scopes) -> scopes.forEach((scope, list) -> inScope(collection, scope, true, s -> {
            list.forEach(item -> s.items.put(item.path(idField.apply(collection)).asText(), item.deepCopy()));
            return null;
        })));
    }

    /** How many items each scope of each collection holds. */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        collections.forEach((collection, scopes) -> scopes.forEach((scope, s) -> {
            synchronized (s) {
                counts.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(scope, s.items.size());
            }
        }));
        return counts;
    }

    /** The items of one scope, under its lock: oldest first. */
    public static final class Scope {
        private final Map<String, ObjectNode> items = new LinkedHashMap<>();
        private final ResourceStore store;

        private Scope(ResourceStore store) {
            this.store = store;
        }

        public ObjectNode get(String id) {
            ObjectNode item = items.get(id);
            store.probe.afterRead(id);
            return item;
        }

        public List<ObjectNode> items() {
            return new ArrayList<>(items.values());
        }

        /** The first item whose field holds this value, or null. */
        public ObjectNode find(String field, JsonNode value) {
            for (ObjectNode item : items.values()) {
                if (value.equals(item.get(field))) {
                    return item;
                }
            }
            return null;
        }

        /** Stores an item under its id (replacing the one with that id); 409 when it takes another's unique field. */
        public ObjectNode put(String id, ObjectNode item, List<String> uniqueFields, String noun) {
            for (String field : uniqueFields) {
                JsonNode value = item.get(field);
                if (value == null || value.isNull()) {
                    continue;
                }
                for (Map.Entry<String, ObjectNode> other : items.entrySet()) {
                    if (!other.getKey().equals(id) && value.equals(other.getValue().get(field))) {
                        throw new StubException(ErrorKind.CONFLICT,
                                "Another " + noun.toLowerCase(java.util.Locale.ROOT) + " already has " + field + " '" + value.asText() + "'");
                    }
                }
            }
            items.put(id, item);
            return item;
        }

        public ObjectNode remove(String id) {
            return items.remove(id);
        }
    }
}
