package dev.contractkit.stub.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One vendor's resources, as the JSON objects the vendor answers with, by collection (its path template)
 * and scope (the values of the path parameters before it: a Layer business; "" when there are none). Every
 * read and write runs inside {@link #inScope}, holding the scope's lock, so a read-modify-write loses no
 * other update; a {@code work} that throws leaves the scope as it was. In memory ({@link MemoryStore}) or
 * in PostgreSQL, shared by replicas ({@link PostgresStore}).
 */
public interface ResourceStore {

    /** Runs {@code work} holding the scope's lock; empty when the scope does not exist and is not to be made. */
    <T> Optional<T> inScope(String collection, String scope, boolean create, Function<Scope, T> work);

    boolean hasScope(String collection, String scope);

    /** Replaces everything with these: collection -> scope -> items (each with its id in {@code idField}). */
    void replaceAll(Map<String, Map<String, List<ObjectNode>>> items, Function<String, String> idField);

    /** How many items each scope of each collection holds. */
    Map<String, Map<String, Integer>> counts();

    /** The items of one scope, under its lock: oldest first. Items handed out are never changed in place. */
    interface Scope {
        ObjectNode get(String id);

        List<ObjectNode> items();

        /** The first item whose field holds this value, or null. */
        ObjectNode find(String field, JsonNode value);

        /** Stores an item under its id (replacing the one with that id); 409 when it takes another's unique field. */
        ObjectNode put(String id, ObjectNode item, List<String> uniqueFields, String noun);

        ObjectNode remove(String id);
    }

    /** The 409 of an item that would take a unique field another item holds. */
    static StubException taken(String noun, String field, JsonNode value) {
        return new StubException(ErrorKind.CONFLICT,
                "Another " + noun.toLowerCase(Locale.ROOT) + " already has " + field + " '" + value.asText() + "'");
    }
}
