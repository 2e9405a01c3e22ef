package dev.contractkit.stub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import dev.contractkit.stub.error.Violation;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.RequestValidator;
import dev.contractkit.stub.spec.Route;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline for every operation of a vendor, driven by its spec: route (404, 405), auth (401), content
 * type (415), size (413), JSON (400), then path parameters and body against their schemas (400). Only a
 * request that passes all of them reaches a resource, with its parsed body attached.
 */
@PreMatching
public final class RequestPipeline implements ContainerRequestFilter {

    private static final long SWALLOW_LIMIT = 4L << 20;
    private static final ThreadLocal<byte[]> SKIP_BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    private final Api api;

    public RequestPipeline(Api api) {
        this.api = api;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        ValidatedRequest.detach(); // a request refused below must not find the previous one's
        String base = request.getUriInfo().getBaseUri().getRawPath();
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        if (!raw.startsWith(base) && !raw.equals(base.substring(0, base.length() - 1))) {
            // The JDK server matches /vayu as a plain prefix, so /vayux/... arrives here too.
            throw new StubException(ErrorKind.NOT_FOUND, "No such endpoint: " + request.getMethod() + " " + raw);
        }
        // The vendors answer JSON whatever Accept says; Jersey would refuse with 406.
        request.getHeaders().remove(HttpHeaders.ACCEPT);
        // Matched as sent: each path parameter is decoded as a whole, so an encoded '/' cannot split the path.
        Route route = api.spec().route(request.getMethod(), "/" + request.getUriInfo().getPath(false));
        try {
            validate(request, route);
        } catch (StubException refused) {
            throw refused.at(route.operation());
        }
    }

    /** Credentials, then path, query and body against the operation's schemas; the validated request attached. */
    private void validate(ContainerRequestContext request, Route route) throws IOException {
        if (api.authenticates() && route.operation().secured()) {
            CredentialCheck.check(route.operation(), request, ServedBy.current().authenticator());
        }
        List<Violation> violations = new ArrayList<>(RequestValidator.pathParams(route));
        Operation operation = route.operation();
        java.util.Map<String, List<String>> query = operation.queryParams().isEmpty() ? java.util.Map.of()
                : request.getUriInfo().getQueryParameters(true);
        violations.addAll(RequestValidator.queryParams(operation, query));
        JsonNode body = null;
        if (operation.hasBody()) {
            byte[] bytes = readBody(request);
            body = parse(bytes, operation.bodyRequired());
            if (body != null) {
                violations.addAll(RequestValidator.body(operation, body));
            }
            // A resource's typed body is read from the validated tree (ValidatedBodyReader), not these bytes.
            request.setEntityStream(new ByteArrayInputStream(bytes));
        }
        if (!violations.isEmpty()) {
            throw StubException.invalid(violations);
        }
        ValidatedRequest.attach(request, route, query, body);
    }

    private byte[] readBody(ContainerRequestContext request) throws IOException {
        int limit = api.bodyLimit();
        byte[] bytes;
        try {
            bytes = request.getLength() > limit ? new byte[limit + 1] : request.getEntityStream().readNBytes(limit + 1);
        } catch (IOException broken) {
            // Jetty fails the read: broken chunks, a body cut short by the client or by the read timeout.
            throw new StubException(ErrorKind.INVALID_REQUEST, "The request body could not be read in full");
        }
        if (bytes.length > limit) {
            swallow(request.getEntityStream());
            throw tooLarge(limit);
        }
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
        while (left > 0 && body.read(SKIP_BUFFER.get(), 0, (int) Math.min(left, 8192)) >= 0) {
            left -= 8192;
        }
    }

    private static StubException tooLarge(int limit) {
        return new StubException(ErrorKind.TOO_LARGE, "Request body is larger than " + limit / 1024 + " KB");
    }
}
