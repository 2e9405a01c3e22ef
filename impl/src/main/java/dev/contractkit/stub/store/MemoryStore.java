package dev.contractkit.stub.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A vendor's resources in this process's memory (the default): a scope's lock is a {@code synchronized} block.
 * Stored objects are never mutated: a change works on a copy and is stored only when it succeeds, so a
 * refused request changes nothing and readers always see a whole item.
 */
public final class MemoryStore implements ResourceStore {

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

    private final Map<String, Map<String, MemoryScope>> collections = new ConcurrentHashMap<>();
    private volatile Probe probe = Probe.NONE;

    /** Test-only (see {@link Probe}); {@link Probe#NONE} removes it. */
    void probe(Probe probe) {
        this.probe = probe;
    }

    @Override
    public <T> Optional<T> inScope(String collection, String scope, boolean create, Function<Scope, T> work) {
        Map<String, MemoryScope> scopes = collections.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
        MemoryScope s = create ? scopes.computeIfAbsent(scope, k -> new MemoryScope(this)) : scopes.get(scope);
        if (s == null) {
            return Optional.empty();
        }
        probe.beforeLock(collection, scope);
        synchronized (s) {
            return Optional.ofNullable(work.apply(s));
        }
    }

    @Override
    public boolean hasScope(String collection, String scope) {
        return collections.getOrDefault(collection, Map.of()).containsKey(scope);
    }

    @Override
    public synchronized void replaceAll(Map<String, Map<String, List<ObjectNode>>> items, Function<String, String> idField) {
        collections.clear();
        items.forEach((collection, scopes) -> scopes.forEach((scope, list) -> inScope(collection, scope, true, s -> {
            list.forEach(item -> ((MemoryScope) s).items.put(item.path(idField.apply(collection)).asText(), item.deepCopy()));
            return null;
        })));
    }

    @Override
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
    static final class MemoryScope implements Scope {
        private final Map<String, ObjectNode> items = new LinkedHashMap<>();
        private final MemoryStore store;

        private MemoryScope(MemoryStore store) {
            this.store = store;
        }

        @Override
        public ObjectNode get(String id) {
            ObjectNode item = items.get(id);
            store.probe.afterRead(id);
            return item;
        }

        @Override
        public List<ObjectNode> items() {
            return new ArrayList<>(items.values());
        }

        @Override
        public ObjectNode find(String field, JsonNode value) {
            for (ObjectNode item : items.values()) {
                if (value.equals(item.get(field))) {
                    return item;
                }
            }
            return null;
        }

        @Override
        public ObjectNode put(String id, ObjectNode item, List<String> uniqueFields, String noun) {
            for (String field : uniqueFields) {
                JsonNode value = item.get(field);
                if (value == null || value.isNull()) {
                    continue;
                }
                for (Map.Entry<String, ObjectNode> other : items.entrySet()) {
                    if (!other.getKey().equals(id) && value.equals(other.getValue().get(field))) {
                        throw ResourceStore.taken(noun, field, value);
                    }
                }
            }
            items.put(id, item);
            return item;
        }

        @Override
        public ObjectNode remove(String id) {
            return items.remove(id);
        }
    }
}
