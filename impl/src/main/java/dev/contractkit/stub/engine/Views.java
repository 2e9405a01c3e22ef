package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * A view of a stored item (x-contract-kit "view"): an answer whose fields are computed from the item's own, one
 * source a field, in the order the rule declares them. A source is a JSON pointer into the item ("/amount"), the
 * name of a field computed above it ("amountPaid"), a number or boolean as it stands, {const: value}, a list (the
 * first of its sources that gives a value), {when: {/pointer: value or [values]}, then: source} (the source where
 * the item holds one of those values, else nothing), or {minus: [source, source...], notBelow: n} (the first
 * number less the others, a missing one counting 0). A field whose source gives nothing (or null) is left out.
 */
final class Views {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Views() {
    }

    /** The rule's fields computed from the item. */
    static ObjectNode of(JsonNode fields, ObjectNode item) {
        ObjectNode view = JSON.objectNode();
        fields.fields().forEachRemaining(field -> {
            JsonNode value = value(field.getValue(), item, view);
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                view.set(field.getKey(), value.deepCopy());
            }
        });
        return view;
    }

    private static JsonNode value(JsonNode source, ObjectNode item, ObjectNode view) {
        if (source.isTextual()) {
            String text = source.asText();
            return text.startsWith("/") ? item.at(text) : view.path(text);
        }
        if (source.isNumber() || source.isBoolean()) {
            return source;
        }
        if (source.isArray()) {
            for (JsonNode each : source) {
                JsonNode value = value(each, item, view);
                if (value != null && !value.isNull() && !value.isMissingNode()) {
                    return value;
                }
            }
            return null;
        }
        if (source.has("const")) {
            return source.get("const");
        }
        if (source.has("when")) {
            return holds(source.get("when"), item) ? value(source.path("then"), item, view) : null;
        }
        if (source.has("minus")) {
            return minus(source, item, view);
        }
        return null;
    }

    private static boolean holds(JsonNode when, ObjectNode item) {
        for (var it = when.fields(); it.hasNext(); ) {
            var condition = it.next();
            JsonNode held = item.at(condition.getKey());
            boolean any = false;
            for (JsonNode allowed : condition.getValue().isArray() ? condition.getValue() : JSON.arrayNode().add(condition.getValue())) {
                any |= allowed.equals(held) || allowed.isNumber() && held.isNumber()
                        && allowed.decimalValue().compareTo(held.decimalValue()) == 0;
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode minus(JsonNode source, ObjectNode item, ObjectNode view) {
        BigDecimal result = null;
        for (JsonNode term : source.path("minus")) {
            JsonNode value = value(term, item, view);
            BigDecimal number = value != null && value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
            result = result == null ? number : result.subtract(number);
        }
        if (result == null) {
            return null;
        }
        if (source.path("notBelow").isNumber() && result.compareTo(source.get("notBelow").decimalValue()) < 0) {
            result = source.get("notBelow").decimalValue();
        }
        return number(result);
    }

    /** A whole number written as one (100, not 100.0), as the ledger writes its balance. */
    private static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return JSON.numberNode(stripped.longValueExact());
        }
        return JSON.numberNode(stripped);
    }
}
