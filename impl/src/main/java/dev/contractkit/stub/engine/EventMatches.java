package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.store.ResourceStore;
import java.util.List;

/**
 * What a dry run tells of each event it was sent (x-contract-kit "matches" beside "dryRun"): the stored meters
 * that measure it, each with the value the event alone gives it ("metersIn", "valueIn", "instanceIn"), and the
 * stored item whose "matchedBy" fields hold the event's customer key ("of", "customerIn": its id, else null).
 * Vayu's dry run answers "Events with their corresponding meter and customer data" this way.
 */
final class EventMatches {

    private final ResourceModel model;
    private final ResourceStore store;

    EventMatches(ResourceModel model, ResourceStore store) {
        this.model = model;
        this.store = store;
    }

    /** Sets the rule's members of {@code answer} (one element of the dry run's answer) for {@code event}. */
    void fill(ObjectNode answer, ObjectNode event, JsonNode rule) {
        Collection meters = model.collection(rule.path("meters").asText(""));
        if (meters == null || !meters.rules().has("meter")) {
            return;
        }
        JsonNode meterRule = meters.rules().path("meter");
        if (rule.has("metersIn")) {
            ArrayNode measuring = answer.putArray(rule.get("metersIn").asText());
            for (ObjectNode item : items(meters)) {
                Meter meter = Meter.of(meterRule, item);
                if (meter.measures(event)) {
                    measuring.add(withValue(item, meter, event, rule));
                }
            }
        }
        Collection of = model.collection(rule.path("of").asText(""));
        if (of != null && rule.has("customerIn")) {
            String key = EventShape.of(meterRule.path("event")).customer(event);
            ObjectNode customer = key == null ? null : holder(items(of), rule.path("matchedBy"), key);
            answer.set(rule.get("customerIn").asText(), customer == null ? answer.nullNode() : customer.path(of.idField()).deepCopy());
        }
    }

    private static ObjectNode withValue(ObjectNode item, Meter meter, ObjectNode event, JsonNode rule) {
        ObjectNode measured = item.deepCopy();
        measured.set(rule.path("valueIn").asText("value"), Usage.number(meter.measure(List.of(event))));
        if (rule.has("instanceIn")) {
            JsonNode instance = meter.instanceValue(event);
            measured.set(rule.get("instanceIn").asText(), instance.isMissingNode() ? measured.nullNode() : instance.deepCopy());
        }
        return measured;
    }

    /** The first item one of whose fields is the key, or (an array) holds it. */
    private static ObjectNode holder(List<ObjectNode> items, JsonNode fields, String key) {
        for (ObjectNode item : items) {
            for (JsonNode field : fields) {
                JsonNode held = item.path(field.asText());
                Iterable<JsonNode> values = held.isArray() ? held : List.of(held);
                for (JsonNode value : values) {
                    if (value.isValueNode() && value.asText().equals(key)) {
                        return item;
                    }
                }
            }
        }
        return null;
    }

    /** A collection's items where it is not scoped under a parent (a dry run's path names no parent). */
    private List<ObjectNode> items(Collection collection) {
        if (!collection.scopeParams().isEmpty()) {
            return List.of();
        }
        return store.inScope(collection.template(), "", false, ResourceStore.Scope::items).orElse(List.of());
    }
}
