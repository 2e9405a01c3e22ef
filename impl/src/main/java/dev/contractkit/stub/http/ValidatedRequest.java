package dev.contractkit.stub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.Route;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What the pipeline learned of a request that passed it: its route and its body as JSON, which (unlike the
 * generated models) tells an absent field from an explicit null.
 */
public record ValidatedRequest(Route route, JsonNode body) {

    private static final String PROPERTY = ValidatedRequest.class.getName();

    static void attach(ContainerRequestContext request, Route route, JsonNode body) {
        request.setProperty(PROPERTY, new ValidatedRequest(route, body));
    }

    public static ValidatedRequest of(ContainerRequestContext request) {
        return (ValidatedRequest) request.getProperty(PROPERTY);
    }

    /** The body's fields that the operation's schema declares: the ones an update may touch. */
    public ObjectNode declaredFields() {
        ObjectNode fields = ((ObjectNode) body).objectNode();
        body.fields().forEachRemaining(e -> {
            if (route.operation().bodyProperties().contains(e.getKey())) {
                fields.set(e.getKey(), e.getValue());
            }
        });
        return fields;
    }
}
