package dev.contractkit.stub.wire;

import dev.contractkit.stub.spec.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.AdminErrorFormat;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import java.io.UncheckedIOException;

/**
 * Words the HTTP server's own refusals (a request line, header or body framing it cannot read) as the API
 * the path names: under /vayu in Vayu's error format, under /layer in Layer's, under /__admin in the admin
 * API's. A request whose path is not known — a request line that is not HTTP — gets the neutral
 * {"message"} body the root's 404 has: no vendor can be told from it.
 */
public final class VendorRefusals {

    private static final ObjectMapper NEUTRAL = Json.mapper(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    /**
     * @param rawPath the request's path as sent (still percent-encoded), or null when it did not tell one
     * @param status  the 4xx (or 500) answered
     * @param message what was wrong, in words; never a Java class name
     */
    public byte[] json(String rawPath, int status, String message) {
        String api = firstSegment(rawPath);
        StubException error = new StubException(kind(status), message);
        Vendor vendor = Vendor.byPrefix(api);
        try {
            if (vendor != null) {
                return vendor.json().writeValueAsBytes(vendor.errors().body(error));
            }
            if ("__admin".equals(api)) {
                return NEUTRAL.writeValueAsBytes(new AdminErrorFormat().body(error));
            }
            return NEUTRAL.writeValueAsBytes(NEUTRAL.createObjectNode().put("message", message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ErrorKind kind(int status) {
        return switch (status) {
            case 404 -> ErrorKind.NOT_FOUND;
            case 413 -> ErrorKind.TOO_LARGE;
            case 500 -> ErrorKind.INTERNAL;
            default -> ErrorKind.INVALID_REQUEST;
        };
    }

    /** The API of a path, "acme" of "/acme/customers/1"; "" when there is no path. */
    private static String firstSegment(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "";
        }
        int end = rawPath.indexOf('/', 1);
        return end < 0 ? rawPath.substring(1) : rawPath.substring(1, end);
    }
}
