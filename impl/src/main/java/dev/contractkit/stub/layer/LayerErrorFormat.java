package dev.contractkit.stub.layer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;

/**
 * Layer's "JSON data" page: {"errors":[{"type","description","error_enum"?,"meta"?}]}, error_enum on 4xx
 * only. ResourceNotFound/SpecifiedIdNotFound and SpecifiedBadRequest are documented; the other names
 * follow their pattern. One entry per failed field, naming it in meta.field.
 */
public final class LayerErrorFormat implements ErrorFormat {

    @Override
    public ObjectNode body(StubException error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode errors = body.putArray("errors");
        if (error.violations().isEmpty()) {
            entry(errors, error, error.getMessage());
        }
        for (Violation v : error.violations()) {
            entry(errors, error, v.param() + ": " + v.message()).putObject("meta").put("field", v.param());
        }
        return body;
    }

    private static ObjectNode entry(ArrayNode errors, StubException error, String description) {
        ObjectNode entry = errors.addObject().put("type", type(error)).put("description", description);
        // Layer's documented 404 for a missing business has no error_enum.
        if (error.kind().status() < 500 && error.kind() != ErrorKind.OWNER_NOT_FOUND) {
            entry.put("error_enum", errorEnum(error));
        }
        return entry;
    }

    private static String type(StubException error) {
        return switch (error.kind()) {
            case INVALID_REQUEST, MALFORMED_JSON -> "BadRequest";
            case BAD_CURSOR -> "PaginationCursor";
            case UNAUTHORIZED -> "Unauthorized";
            case NOT_FOUND, OWNER_NOT_FOUND -> "ResourceNotFound";
            case METHOD_NOT_ALLOWED -> "MethodNotAllowed";
            case CONFLICT -> "Conflict";
            case TOO_LARGE -> "PayloadTooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "UnsupportedMediaType";
            case RATE_LIMITED -> "RateLimitExceeded";
            case INTERNAL -> "InternalServerError";
            case UNAVAILABLE -> "ServiceUnavailable";
        };
    }

    private static String errorEnum(StubException error) {
        return switch (error.kind()) {
            case NOT_FOUND -> "SpecifiedIdNotFound";
            case UNAUTHORIZED -> "Unauthorized";
            case CONFLICT -> "SpecifiedConflict";
            case RATE_LIMITED -> "RateLimitExceeded";
            default -> "SpecifiedBadRequest";
        };
    }
}
