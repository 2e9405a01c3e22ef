package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a stored event holds what a meter reads (the "event" part of the meter rule, JSON pointers): its
 * name, the object its fields are looked up in ({@code data}), its time and the customer it is for.
 */
public record EventShape(String name, String data, String time, String customer) {

    static EventShape of(JsonNode rule) {
        return new EventShape(rule.path("name").asText("/name"), rule.path("data").asText("/data"),
                rule.path("time").asText("/timestamp"), rule.path("customer").asText(null));
    }

    String name(JsonNode event) {
        JsonNode value = event.at(name);
        return value.isValueNode() ? value.asText() : null;
    }

    /** The customer key the event carries (an alias, an external id), or null. */
    String customer(JsonNode event) {
        if (customer == null) {
            return null;
        }
        JsonNode value = event.at(customer);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /**
     * A field a meter names: a member of the event's data (a dotted name goes down nested objects), else
     * the event's own field of that name (a filter on the customer alias). Missing when neither has it.
     */
    JsonNode field(JsonNode event, String field) {
        if (field == null) {
            return MissingNode.getInstance();
        }
        JsonNode found = down(event.at(data), field);
        return found.isMissingNode() ? down(event, field) : found;
    }

    private static JsonNode down(JsonNode node, String field) {
        if (node.has(field)) {
            return node.get(field);
        }
        JsonNode at = node;
        for (String part : field.split("\\.")) {
            at = at.path(part);
        }
        return at;
    }

    /** The events oldest first by their time (arrival order among equal times); as sent when a time is unreadable. */
    List<JsonNode> inTimeOrder(List<JsonNode> events) {
        List<Instant> times = new ArrayList<>();
        for (JsonNode event : events) {
            Instant t = instant(event.at(time).asText(""));
            if (t == null) {
                return events;
            }
            times.add(t);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(times::get));
        return order.stream().map(events::get).toList();
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
