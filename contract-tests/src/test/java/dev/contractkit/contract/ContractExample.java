package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One documented exchange of an operation: the request (path parameters, headers, body), what must be
 * true first (customers, a fault), and the documented answer (status, body). Read from the specs by
 * {@link ContractExamples}; never written in Java.
 *
 * @param given    {"customers":[...], "fault":{...}}, or missing
 * @param request  {"pathParams":{...}, "query":{name: value or [values]}, "headers":{name: value or null to
 *                 leave out}, and one of "body", "rawBody" (text sent as is) or "bodyOfSize" (a JSON body of
 *                 that many bytes)}
 * @param matchByShape pointers into the answer compared by JSON type only (undocumented wording)
 */
record ContractExample(Vendor vendor, OpenApiSpec spec, Operation operation, String name, JsonNode given,
        JsonNode request, JsonNode requestBodyExample, int status, JsonNode responseBody, List<String> matchByShape,
        String source) {

    static final String TOKEN = "contract-test-token";

    String testName(String direction) {
        return vendor.prefix() + "/" + operation.id() + "/" + name + " [" + direction + "]";
    }

    /** vayu/updateCustomer/success, as failure messages name it. */
    String id() {
        return vendor.prefix() + "/" + operation.id() + "/" + name + " (" + source + ")";
    }

    Map<String, String> pathParams() {
        Map<String, String> params = new LinkedHashMap<>();
        request.path("pathParams").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        return params;
    }

    /** The request path under the vendor's prefix, the template filled in. */
    String path() {
        String path = operation.pathTemplate();
        for (Map.Entry<String, String> p : pathParams().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        return path;
    }

    /** The query parameters to send, by name: a scalar, or an array for a repeated parameter. */
    Map<String, JsonNode> query() {
        Map<String, JsonNode> query = new LinkedHashMap<>();
        request.path("query").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue()));
        return query;
    }

    /** The request path with its query string, as sent over HTTP. */
    String pathAndQuery() {
        return path() + QueryStrings.of(query());
    }

    /** Headers to send: a bearer token and JSON unless the example says otherwise (null leaves one out). */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", "Bearer " + TOKEN,
                "Content-Type", "application/json"));
        request.path("headers").fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                headers.remove(e.getKey());
            } else {
                headers.put(e.getKey(), e.getValue().asText());
            }
        });
        return headers;
    }

    /** The JSON body, when the example has one as JSON (its own, or the request example of its name). */
    JsonNode jsonBody() {
        if (request.has("body")) {
            return request.get("body");
        }
        return request.has("rawBody") || request.has("bodyOfSize") ? MissingNode.getInstance() : requestBodyExample;
    }

    byte[] bodyBytes() {
        if (request.has("rawBody")) {
            return request.get("rawBody").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (request.has("bodyOfSize")) {
            int size = request.get("bodyOfSize").asInt();
            return ("{\"x\":\"" + "x".repeat(size - 8) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        return jsonBody().isMissingNode() ? new byte[0] : jsonBody().toString().getBytes(StandardCharsets.UTF_8);
    }

    List<JsonNode> givenCustomers() {
        List<JsonNode> customers = new ArrayList<>();
        given.path("customers").forEach(customers::add);
        return customers;
    }

    /** The pointer of the documented answer's schema in the spec. */
    String responseSchemaPointer() {
        return "/paths/" + operation.pathTemplate().replace("~", "~0").replace("/", "~1") + "/" + operation.method()
                + "/responses/" + status + "/content/application~1json/schema";
    }

    /** Whether the spec gives the documented answer's status a JSON schema (a vendor file may give it none). */
    boolean hasResponseSchema() {
        return !spec.document().at(spec.resolvedPointer(responseSchemaPointer())).isMissingNode();
    }

    /** The pointer of the documented answer in the spec (its response object). */
    String responsePointer() {
        return "/paths/" + operation.pathTemplate().replace("~", "~0").replace("/", "~1") + "/" + operation.method()
                + "/responses/" + status;
    }
}
