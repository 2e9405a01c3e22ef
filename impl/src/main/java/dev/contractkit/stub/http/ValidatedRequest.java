package dev.contractkit.stub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.Route;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What the pipeline learned of a request that passed it: its route and its body as JSON, which (unlike the
 * generated models) tells an absent field from an explicit null.
 */
public record ValidatedRequest(Route route, java.util.Map<String, java.util.List<String>> query, JsonNode body) {

    static final String PROPERTY = ValidatedRequest.class.getName();

    /** The request being served on this thread: Jersey runs a request's filters and resource method on one. */
    private static final ThreadLocal<ValidatedRequest> CURRENT = new ThreadLocal<>();

    static void attach(ContainerRequestContext request, Route route, java.util.Map<String, java.util.List<String>> query,
            JsonNode body) {
        ValidatedRequest validated = new ValidatedRequest(route, query, body);
        request.setProperty(PROPERTY, validated);
        CURRENT.set(validated);
    }

    /** Forgets this thread's request: at the start of each one, and when it has been answered. */
    static void detach() {
        CURRENT.remove();
    }

    public static ValidatedRequest of(ContainerRequestContext request) {
        return (ValidatedRequest) request.getProperty(PROPERTY);
    }

    /**
     * The request that passed the pipeline and is being served on this thread, for resources that are
     * singletons (looking the request up through HK2 costs as much as building a resource per request).
     */
    public static ValidatedRequest current() {
        ValidatedRequest validated = CURRENT.get();
        if (validated == null) {
            throw new IllegalStateException("no validated request on this thread");
        }
        return validated;
    }

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
