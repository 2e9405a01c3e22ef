package dev.contractkit.stub.support;

import dev.contractkit.stub.Vendor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP to a running stub, as any client would send it. */
public final class StubHttp {

    /** Reads answers nested deeper than Jackson's default limit of 1000: the stub may echo a body that deep. */
    public static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(2_000).build())
            .build());

    /** The vendors whose customers the default data holds, which the hand-written request cases address. */
    public static java.util.List<Vendor> customerVendors() {
        return java.util.List.of(Vendor.VAYU, Vendor.LAYER);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private StubHttp() {
    }

    public record Answer(int status, HttpHeaders headers, JsonNode body) {

        /** The customer inside a success body: Vayu's {"customer":...} or Layer's {"data":...}. */
        public ObjectNode customer() {
            return (ObjectNode) (body.has("customer") ? body.get("customer") : body.get("data"));
        }
    }

    public static Answer put(String url, String json) {
        return put(url, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A PUT of these very bytes, declared as JSON whatever they are. */
    public static Answer put(String url, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer test-token")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any method, with a bearer token; the body (JSON, or null for none) declared as JSON. */
    public static Answer send(String method, String url, String json) {
        return send(method, url, json, java.util.Map.of());
    }

    /** As {@link #send(String, String, String)}, with these headers too. */
    public static Answer send(String method, String url, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer test-token")
                .method(method.toUpperCase(java.util.Locale.ROOT), json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    public static Answer send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    public static Answer send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new AssertionError("no answer from the stub: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The customer as stored now: an update that changes nothing answers it (Vayu's updatedAt left out). */
    public static ObjectNode current(String url) {
        Answer answer = put(url, "{}");
        if (answer.status() != 200) {
            throw new AssertionError("empty update of " + url + " answered " + answer.status() + " " + answer.body());
        }
        ObjectNode customer = answer.customer();
        customer.remove("updatedAt");
        return customer;
    }
}
