package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One meter item read through its collection's x-contract-kit "meter" rule, which says where the item
 * holds each part (JSON pointers: the spec's paths cannot show that a field is an aggregation):
 * the events it measures are those named {@code eventName} that its filter keeps (conditions OR'd, each
 * condition's criteria AND'd), measured by {@code operator} over {@code field}, per {@code instanceKey}.
 *
 * @param conditions each a list of criteria that must all hold; an event passes when one condition does
 *                   (no condition: every event of the name passes)
 */
public record Meter(String eventName, String operator, String field, String instanceKey,
        List<List<Criterion>> conditions, EventShape events) {

    /** The meter {@code item} as {@code rule} (the collection's x-contract-kit "meter") reads it. */
    public static Meter of(JsonNode rule, JsonNode item) {
        List<List<Criterion>> conditions = new ArrayList<>();
        JsonNode shape = rule.path("criterion");
        for (JsonNode condition : at(item, rule.path("conditions"))) {
            List<Criterion> criteria = new ArrayList<>();
            for (JsonNode criterion : at(condition, rule.path("criteria"))) {
                criteria.add(new Criterion(text(criterion, shape.path("field").asText("/field")),
                        text(criterion, shape.path("operator").asText("/operator")),
                        text(criterion, shape.path("value").asText("/value"))));
            }
            conditions.add(criteria);
        }
        return new Meter(text(item, rule.path("eventName").asText()), text(item, rule.path("operator").asText()),
                text(item, rule.path("field").asText()), text(item, rule.path("instanceKey").asText()), conditions,
                EventShape.of(rule.path("event")));
    }

    /** Whether the event is one this meter measures: its name, and its filter. */
    public boolean measures(JsonNode event) {
        if (eventName != null && !eventName.equals(events.name(event))) {
            return false;
        }
        if (conditions.isEmpty()) {
            return true;
        }
        for (List<Criterion> condition : conditions) {
            if (condition.stream().allMatch(c -> c.holds(events.field(event, c.field())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The usage these events make (those the meter does not measure left out): without an instance key,
     * the operator over them all; with one, the operator over each instance's events, the instances summed
     * (a peak a machine, or the last seat count a team, added up as the account's usage).
     */
    public double measure(List<? extends JsonNode> sent) {
        List<JsonNode> measured = events.inTimeOrder(sent.stream().filter(this::measures).map(e -> (JsonNode) e).toList());
        if (instanceKey == null) {
            return Aggregation.of(operator, measured, e -> events.field(e, field));
        }
        Map<String, List<JsonNode>> instances = new LinkedHashMap<>();
        for (JsonNode event : measured) {
            instances.computeIfAbsent(instanceValue(event).toString(), k -> new ArrayList<>()).add(event);
        }
        double total = 0;
        for (List<JsonNode> instance : instances.values()) {
            total += Aggregation.of(operator, instance, e -> events.field(e, field));
        }
        return total;
    }

    /** The event's value of the instance key (a missing node when the meter has none or the event lacks it). */
    public JsonNode instanceValue(JsonNode event) {
        return instanceKey == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : events.field(event, instanceKey);
    }

    private static JsonNode at(JsonNode node, JsonNode pointer) {
        return pointer.isTextual() ? node.at(pointer.asText()) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The text at the pointer, or null when there is none (an empty pointer is the node itself: never meant). */
    private static String text(JsonNode node, String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return null;
        }
        JsonNode value = node.at(pointer);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
