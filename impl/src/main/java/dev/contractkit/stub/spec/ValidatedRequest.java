package dev.contractkit.stub.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the pipeline learned of a request that passed it: its route and its body as JSON, which (unlike the
 * generated models) tells an absent field from an explicit null.
 */
public record ValidatedRequest(Route route, java.util.Map<String, java.util.List<String>> query, JsonNode body) {

    /** The first value of a query parameter, or null. */
    public String queryValue(String name) {
        java.util.List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body's fields that the operation's schema declares: the ones an update may touch. */
    public ObjectNode declaredFields() {
        ObjectNode fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (body == null || !body.isObject()) {
            return fields;
        }
        body.fields().forEachRemaining(e -> {
            if (route.operation().bodyProperties().contains(e.getKey())) {
                fields.set(e.getKey(), e.getValue());
            }
        });
        return fields;
    }
}
