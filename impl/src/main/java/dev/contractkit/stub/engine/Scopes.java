package dev.contractkit.stub.engine;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.store.ResourceStore;
import java.util.Map;

/**
 * Where a collection's items live: its scope (the values of the path parameters before it), whether that
 * scope exists or may be made, and how a miss is answered (the item, or what it belongs to, not found).
 */
final class Scopes {

    private final ResourceModel model;
    private final ResourceStore store;
    private final Engine.NotFound notFound;

    Scopes(ResourceModel model, ResourceStore store, Engine.NotFound notFound) {
        this.model = model;
        this.store = store;
        this.notFound = notFound;
    }

    /**
     * Whether the collection's scope may be made on first use: always when it has none, when what it
     * belongs to is an item the stub holds (a customer's sub-collection); a Layer business is not in the
     * spec, so it must have been loaded or seeded.
     */
    boolean creatable(Collection collection, Map<String, String> params) {
        if (collection.scopeParams().isEmpty()) {
            return true;
        }
        Collection owner = owner(collection);
        if (owner == null) {
            return false;
        }
        String id = params.get(owner.idParam());
        return store.inScope(owner.template(), scope(owner, params), creatable(owner, params), s -> s.get(id)).isPresent();
    }

    /** The collection whose item this collection hangs under (/customers for /customers/{customerId}/x), or null. */
    private Collection owner(Collection collection) {
        String parent = PathTemplates.parent(collection.template());
        for (Collection candidate : model.collections()) {
            if (candidate.itemTemplate().equals(parent)) {
                return candidate;
            }
        }
        return null;
    }

    /** The values of the collection's scope parameters, joined: "" for an unscoped collection. */
    static String scope(Collection collection, Map<String, String> params) {
        return String.join("/", collection.scopeParams().stream().map(params::get).toList());
    }

    /** The vendor's words for an item of this noun not found. */
    String notFoundMessage(String noun, String id) {
        return notFound.item(noun, id);
    }

    StubException missing(Collection collection, String scope, String id) {
        return miss(collection, scope, notFound.item(collection.noun(), id));
    }

    /** A lookup's miss: worded by the field looked up, not as an id. */
    StubException missingBy(Collection collection, String scope, String field, String value) {
        return miss(collection, scope, notFound.lookup(collection.noun(), field, value));
    }

    private StubException miss(Collection collection, String scope, String words) {
        if (!collection.scopeParams().isEmpty() && !store.hasScope(collection.template(), scope)) {
            return scopeNotFound(collection, scope);
        }
        return new StubException(ErrorKind.NOT_FOUND, words);
    }

    /** What the collection belongs to is unknown: "Business 73f3… not found", named by the segment before it. */
    StubException scopeNotFound(Collection collection, String scope) {
        Collection owner = owner(collection);
        if (owner != null) {
            return new StubException(ErrorKind.NOT_FOUND, notFound.item(owner.noun(), scope.substring(scope.lastIndexOf('/') + 1)));
        }
        String[] segments = collection.template().split("/");
        String ownerNoun = "Resource";
        for (int i = segments.length - 1; i > 0; i--) {
            if (PathTemplates.isParam(segments[i]) && !PathTemplates.isParam(segments[i - 1])) {
                ownerNoun = PathTemplates.noun(segments[i - 1]);
                break;
            }
        }
        String id = scope.substring(scope.lastIndexOf('/') + 1);
        return new StubException(ErrorKind.OWNER_NOT_FOUND, notFound.owner(ownerNoun, id));
    }
}
