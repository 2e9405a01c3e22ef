package dev.contractkit.stub.support;

import dev.contractkit.stub.Vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Test helper: real HTTP PUTs to the seeded customer of each vendor on one running stub, and their answers. */
public final class UpdateCustomerCalls {


    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;

    /** @param baseUri the stub's http://host:port */
    public UpdateCustomerCalls(URI baseUri) {
        this.baseUri = baseUri;
    }

    /** PUTs a JSON body to the vendor's seeded customer; a null authorization sends no Authorization header. */
    public HttpResponse<String> put(Vendor vendor, String authorization, String body) {
        String path = vendor == Vendor.VAYU ? DefaultData.VAYU_CUSTOMER : DefaultData.LAYER_CUSTOMER;
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve("/" + vendor.prefix() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid update body that sets a field every vendor's customer has: Vayu's name, Layer's notes. */
    public static String change(Vendor vendor, String value) {
        return JSON.createObjectNode().put(vendor == Vendor.VAYU ? "name" : "notes", value).toString();
    }

    /**
     * The customer as it is now, read through an empty update ({}) that changes no field; Vayu's updatedAt,
     * which every update moves, is removed.
     */
    public ObjectNode customer(Vendor vendor, String passingAuthorization) {
        HttpResponse<String> response = put(vendor, passingAuthorization, "{}");
        assertEquals(200, response.statusCode(), response::body);
        ObjectNode customer = (ObjectNode) json(response).get(vendor == Vendor.VAYU ? "customer" : "data");
        customer.remove("updatedAt");
        return customer;
    }

    /**
     * Sends a change with a refused Authorization header: asserts a 401 in the vendor's error format that
     * does not echo the header, and that the customer is as it was before.
     */
    public void assertRefusedWithoutChange(Vendor vendor, String refusedAuthorization, String passingAuthorization) {
        ObjectNode before = customer(vendor, passingAuthorization);
        HttpResponse<String> response = put(vendor, refusedAuthorization, change(vendor, "changed by a refused request"));
        assertUnauthorized(vendor, response);
        if (refusedAuthorization != null && refusedAuthorization.length() > "Bearer ".length()) {
            assertFalse(response.body().contains(refusedAuthorization.substring("Bearer ".length())),
                    () -> "the 401 echoes the credentials: " + response.body());
        }
        assertEquals(before, customer(vendor, passingAuthorization), "a refused request changed the customer");
    }

    /** Vayu: exactly {"type","code","message"}; Layer: {"errors":[{"type","description","error_enum"}]}. */
    public static void assertUnauthorized(Vendor vendor, HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> "Content-Type: " + response.headers().firstValue("Content-Type"));
        JsonNode body = json(response);
        if (vendor == Vendor.VAYU) {
            assertEquals(Set.of("type", "code", "message"), fieldNames(body), response.body());
            assertEquals("authentication_error", body.get("type").asText());
            assertEquals("authentication_failed", body.get("code").asText());
            assertNonBlankText(body.get("message"), response);
        } else {
            assertEquals(Set.of("errors"), fieldNames(body), response.body());
            assertEquals(1, body.get("errors").size(), response.body());
            JsonNode error = body.get("errors").get(0);
            assertEquals(Set.of("type", "description", "error_enum"), fieldNames(error), response.body());
            assertNonBlankText(error.get("type"), response);
            assertNonBlankText(error.get("description"), response);
            assertNonBlankText(error.get("error_enum"), response);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertNonBlankText(JsonNode node, HttpResponse<String> response) {
        assertTrue(node != null && node.isTextual() && !node.asText().isBlank(), response::body);
    }
}
