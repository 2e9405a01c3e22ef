package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions (x-contract-kit "subscribes: {callback, events}" on a POST): the body is kept as sent, with an
 * id, in a collection of the operation's own path, scoped by its path parameters. The same callback subscribed
 * to the same events again is the one subscription, its body replaced: a retried subscribe must not make two.
 * Nothing is delivered to a callback; the admin API lists what is kept ({@link #all}).
 */
public final class Subscriptions {

    /** One kept subscription: where it was made, the callback and the events it names, and the body as kept. */
    public record Kept(String operationId, String path, String scope, String id, String callback, List<String> events, ObjectNode item) {
    }

    private final ResourceStore store;
    private final Items items;

    Subscriptions(ResourceModel model, ResourceStore store) {
        this.store = store;
        this.items = new Items(model.schemas());
    }

    /** Keeps the body sent as a subscription (replacing one of the same callback and events), and answers it. */
    ObjectNode subscribe(Collection kept, Map<String, String> params, JsonNode sent) {
        String callback = kept.rules().path("callback").asText();
        String events = kept.rules().path("events").asText(null);
        Batches.requireBody(sent, callback);
        if (!sent.hasNonNull(callback)) { // a schema may leave it optional; a subscription needs one
            throw StubException.invalid(List.of(new Violation(callback, "is required", true)));
        }
        ObjectNode body = ((ObjectNode) sent).deepCopy();
        body.remove(kept.idField());
        return store.inScope(kept.template(), Scopes.scope(kept, params), true, s -> {
            ObjectNode same = null;
            for (ObjectNode held : s.items()) {
                if (held.path(callback).equals(sent.path(callback)) && (events == null || held.path(events).equals(sent.path(events)))) {
                    same = held;
                }
            }
            ObjectNode item = same == null
                    ? items.created(body, kept, () -> s.items().size(), id -> s.get(id) != null)
                    : body.put(kept.idField(), same.path(kept.idField()).asText());
            return s.put(item.path(kept.idField()).asText(), item, List.of(), kept.noun());
        }).orElseThrow();
    }

    /** Every subscription kept by the operations a model serves, operation by operation, scope by scope (in name order), oldest first. */
    public static List<Kept> all(ResourceModel model, ResourceStore store) {
        List<Kept> all = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = store.counts();
        for (Map.Entry<String, Behaviour> entry : model.behaviours().entrySet()) {
            Behaviour behaviour = entry.getValue();
            if (behaviour.kind() != Behaviour.Kind.SUBSCRIBE) {
                continue;
            }
            Collection kept = behaviour.collection();
            String callback = kept.rules().path("callback").asText();
            String events = kept.rules().path("events").asText(null);
            for (String scope : new java.util.TreeSet<>(counts.getOrDefault(kept.template(), Map.of()).keySet())) {
                for (ObjectNode item : store.inScope(kept.template(), scope, false, ResourceStore.Scope::items).orElse(List.of())) {
                    all.add(new Kept(entry.getKey(), kept.template(), scope, item.path(kept.idField()).asText(), item.path(callback).asText(),
                            events == null ? List.of() : texts(item.path(events)), item));
                }
            }
        }
        return all;
    }

    /** A string, or an array's strings: the events a subscription names. */
    private static List<String> texts(JsonNode events) {
        if (events.isArray()) {
            List<String> texts = new ArrayList<>();
            events.forEach(e -> texts.add(e.asText()));
            return texts;
        }
        return events.isMissingNode() || events.isNull() ? List.of() : List.of(events.asText());
    }
}
