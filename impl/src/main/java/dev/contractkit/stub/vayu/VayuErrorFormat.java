package dev.contractkit.stub.vayu;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;

/**
 * Vayu's errors page: {"type","code","message"}, plus "param" for one failed field and
 * "params":[{"param","message"}] for several (the spec's name; the page's prose says "errors").
 */
public final class VayuErrorFormat implements ErrorFormat {

    @Override
    public ObjectNode body(StubException error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", type(error));
        body.put("code", code(error));
        if (error.violations().size() == 1) {
            Violation only = error.violations().get(0);
            body.put("message", (only.missing() ? "Missing required parameter " : "Invalid parameter ")
                    + only.param() + ": " + only.message());
            body.put("param", only.param());
        } else {
            body.put("message", error.getMessage());
        }
        if (error.violations().size() > 1) {
            var params = body.putArray("params");
            error.violations().forEach(v -> params.addObject().put("param", v.param()).put("message", v.message()));
        }
        return body;
    }

    private static String type(StubException error) {
        return switch (error.kind()) {
            case UNAUTHORIZED -> "authentication_error";
            case RATE_LIMITED -> "rate_limit_error";
            case INTERNAL, UNAVAILABLE -> "api_error";
            default -> "invalid_request_error";
        };
    }

    private static String code(StubException error) {
        return switch (error.kind()) {
            case INVALID_REQUEST, BAD_CURSOR -> error.violations().size() > 1 ? "validation_failed"
                    : error.violations().isEmpty() ? "bad_request"
                    : error.violations().get(0).missing() ? "parameter_missing" : "parameter_invalid";
            case MALFORMED_JSON, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE -> "bad_request";
            case UNAUTHORIZED -> "authentication_failed";
            case NOT_FOUND, OWNER_NOT_FOUND -> "resource_not_found";
            case CONFLICT -> "resource_already_exists";
            case TOO_LARGE -> "request_too_large";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case INTERNAL -> "internal_error";
            case UNAVAILABLE -> "service_unavailable";
        };
    }
}
