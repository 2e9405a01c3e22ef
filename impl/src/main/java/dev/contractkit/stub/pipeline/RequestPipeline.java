package dev.contractkit.stub.pipeline;

import dev.contractkit.stub.wire.RequestBody;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.spec.Route;
import dev.contractkit.stub.spec.ValidatedRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline for every operation of a vendor, driven by its spec: route (404, 405), auth (401), content
 * type (415), size (413), JSON (400), then path, query and header parameters and body against their schemas (400). Only a
 * request that passes all of them reaches a resource, with its parsed body attached.
 */
@PreMatching
public final class RequestPipeline implements ContainerRequestFilter {

    /** The request property the validated request travels in, from this filter to the resource. */
    private static final String VALIDATED = ValidatedRequest.class.getName();

    private static final long SWALLOW_LIMIT = 4L << 20;

    private final Api api;

    public RequestPipeline(Api api) {
        this.api = api;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        // The vendors answer JSON whatever Accept says; Jersey would refuse with 406.
        request.getHeaders().remove(HttpHeaders.ACCEPT);
        // Routed once, before Jersey (RequestPath): matched as sent, each path parameter decoded as a whole, so an
        // encoded '/' cannot split the path. A 404 or 405 is thrown here.
        Arrival arrival = Arrival.of(request);
        Route route = arrival.routed();
        try {
            validate(request, arrival, route);
        } catch (StubException refused) {
            throw refused.at(route.operation());
        }
    }

    /** Credentials, then path, query, headers and body against the operation's schemas; the validated request attached. */
    private void validate(ContainerRequestContext request, Arrival arrival, Route route) throws IOException {
        if (api.authenticates() && route.operation().secured()) {
            CredentialCheck.check(route.operation(), request, arrival.authenticator());
        }
        List<Violation> violations = new ArrayList<>(RequestValidator.pathParams(route));
        Operation operation = route.operation();
        java.util.Map<String, List<String>> query = operation.queryParams().isEmpty() ? java.util.Map.of()
                : request.getUriInfo().getQueryParameters(true);
        violations.addAll(RequestValidator.queryParams(operation, query));
        violations.addAll(RequestValidator.headerParams(operation, request.getHeaders())); // a map that ignores case
        JsonNode body = null;
        if (operation.hasBody()) {
            byte[] bytes = readBody(request, arrival.body());
            body = parse(bytes, operation.bodyRequired());
            if (body != null) {
                violations.addAll(RequestValidator.body(operation, body));
            }
        }
        if (!violations.isEmpty()) {
            throw StubException.invalid(violations);
        }
        request.setProperty(VALIDATED, new ValidatedRequest(route, query, body));
    }

    /** What this filter learned of a request that passed it; null for one it has not seen. */
    public static ValidatedRequest validated(ContainerRequestContext request) {
        return (ValidatedRequest) request.getProperty(VALIDATED);
    }

    /** The same, seen from a reader of the body. */
    static ValidatedRequest validated(jakarta.ws.rs.ext.InterceptorContext reading) {
        return (ValidatedRequest) reading.getProperty(VALIDATED);
    }

    /** The body RequestPath read; a read that broke, or a body over the limit, refused here, in this order. */
    private byte[] readBody(ContainerRequestContext request, RequestBody read) throws IOException {
        int limit = api.bodyLimit();
        if (read.broken()) {
            // Jetty failed the read: broken chunks, a body cut short by the client or by the read timeout.
            throw new StubException(ErrorKind.INVALID_REQUEST, "The request body could not be read in full");
        }
        if (read.oversized()) {
            swallow(read.rest());
            throw tooLarge(limit);
        }
        byte[] bytes = read.bytes();
        if (bytes.length > 0 && !isJson(request)) {
            throw new StubException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, was "
                    + (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null ? "missing"
                    : "'" + request.getHeaderString(HttpHeaders.CONTENT_TYPE) + "'"));
        }
        return bytes;
    }

    private JsonNode parse(byte[] bytes, boolean required) {
        try {
            JsonNode body = api.json().readTree(bytes);
            if (body == null || body.isMissingNode()) {
                if (required) {
                    throw new StubException(ErrorKind.MALFORMED_JSON, "A JSON request body is required");
                }
                return null;
            }
            return body;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            // Jackson's own wording, less the source excerpts and Java names it sometimes adds.
            String why = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*", "")
                    .replaceAll(", from `[^`]*`", "");
            throw new StubException(ErrorKind.MALFORMED_JSON, "Malformed JSON" + where + ": " + why);
        } catch (IOException e) {
            throw new StubException(ErrorKind.MALFORMED_JSON, "Unreadable request body");
        }
    }

    private static boolean isJson(ContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                    && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (RuntimeException malformedHeader) {
            return false;
        }
    }

    /**
     * Reads what is left of an oversized body (up to a bound), as Tomcat does: a client still sending
     * when the server answers and closes would lose the 413 to a connection reset.
     */
    private static void swallow(InputStream body) throws IOException {
        long left = SWALLOW_LIMIT;
        byte[] skip = new byte[8192];
        while (left > 0 && body.read(skip, 0, skip.length) >= 0) {
            left -= 8192;
        }
    }

    private static StubException tooLarge(int limit) {
        return new StubException(ErrorKind.TOO_LARGE, "Request body is larger than " + limit / 1024 + " KB");
    }
}
