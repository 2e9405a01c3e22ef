package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations on many items of a collection at once, named by x-contract-kit rules on the operation:
 * "deletesEach" (a body array of ids: those items removed, the ones removed answered) and "dryRun" with
 * "createsEach" (the items a create-each would make, answered as it would, none stored).
 */
final class Batches {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResourceStore store;
    private final Items items;
    private final Schemas schemas;
    private final Samples samples;
    private final EventMatches matches;

    Batches(ResourceModel model, ResourceStore store) {
        this.store = store;
        this.matches = new EventMatches(model, store);
        this.schemas = model.schemas();
        this.items = new Items(schemas);
        this.samples = new Samples(schemas);
    }

    /**
     * Removes the items whose ids the body's array holds. An id the collection does not hold is skipped: the
     * answer lists what was deleted, so a retry after a partial failure is not refused (and the vendors that
     * document such batch deletes, Vayu's "deletes the matching events", answer only the matches).
     */
    JsonNode deleteEach(Operation operation, Collection collection, JsonNode rule, JsonNode sent) {
        requireBody(sent, rule.path("deletesEach").asText());
        List<ObjectNode> removed = store.inScope(collection.template(), "", true, s -> {
            List<ObjectNode> gone = new ArrayList<>();
            for (JsonNode id : sent.path(rule.path("deletesEach").asText())) {
                ObjectNode item = s.remove(id.asText());
                if (item != null) {
                    gone.add(item);
                }
            }
            return gone;
        }).orElse(List.of());
        return answerIn(operation, rule, removed);
    }

    /** The items a create-each would make of the body's array (ids, timestamps, gaps filled), not stored. */
    JsonNode dryRun(Operation operation, Collection collection, JsonNode rule, JsonNode sent) {
        requireBody(sent, rule.path("createsEach").asText());
        List<ObjectNode> made = new ArrayList<>();
        for (JsonNode element : sent.path(rule.path("createsEach").asText())) {
            made.add(items.created(items.merge(JSON.objectNode(), element, collection), collection));
        }
        return answerIn(operation, rule, made);
    }

    /** Each element of the wrapper's arrays completed to the array's item schema (a meter with its value). */
    private ObjectNode fitted(ObjectNode wrapper, JsonNode element) {
        wrapper.fields().forEachRemaining(member -> {
            JsonNode declared = schemas.property(element, member.getKey());
            if (member.getValue().isArray() && schemas.isArray(declared)) {
                JsonNode each = schemas.resolve(schemas.resolve(declared).path("items"));
                ArrayNode fitted = JSON.arrayNode();
                member.getValue().forEach(e -> fitted.add(e.isObject()
                        ? schemas.allowed(items.completeTo((ObjectNode) e, each), each) : e));
                member.setValue(fitted);
            }
        });
        return wrapper;
    }

    /**
     * A rule that reads fields of the body needs one: a spec may leave the body optional (no required: true), and
     * the request then reaches the engine with none, which is the 400 of the fields the rule reads.
     */
    static void requireBody(JsonNode sent, String... fields) {
        if (sent == null || !sent.isObject()) {
            throw StubException.invalid(java.util.Arrays.stream(fields).map(f -> new Violation(f, "is required", true)).toList());
        }
    }

    /**
     * The answer's schema with these items in its "answersIn" array, each completed to the array's item
     * schema; with "answersEachIn", each element is an object holding the item in that property (Vayu's dry
     * run answers {event, matchedCustomer, meterWithValues} per event), its other required members sampled.
     */
    private JsonNode answerIn(Operation operation, JsonNode rule, List<ObjectNode> found) {
        JsonNode schema = schemas.responseSchema(operation.pointer(), operation.successStatus());
        if (schema.isMissingNode()) {
            return null;
        }
        ObjectNode answer = (ObjectNode) samples.required(schema);
        String property = rule.path("answersIn").asText();
        JsonNode element = schemas.resolve(schemas.property(schema, property).path("items"));
        String each = rule.path("answersEachIn").asText(null);
        ArrayNode array = answer.putArray(property);
        for (ObjectNode item : found) {
            if (each == null) {
                array.add(schemas.allowed(items.completeTo(item.deepCopy(), element), element));
                continue;
            }
            ObjectNode wrapper = (ObjectNode) samples.required(element);
            JsonNode inner = schemas.property(element, each);
            wrapper.set(each, schemas.allowed(items.completeTo(item.deepCopy(), inner), inner));
            matches.fill(wrapper, item, rule.path("matches"));
            array.add(fitted(wrapper, element));
        }
        return answer;
    }
}
