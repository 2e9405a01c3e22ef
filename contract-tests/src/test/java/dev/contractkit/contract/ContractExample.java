package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One documented exchange of an operation: the request (path parameters, headers, body), what must be
 * true first (customers, a fault), and the documented answer (status, body). Read from the specs by
 * {@link ContractExamples}; never written in Java.
 *
 * @param vendor   the spec's name (vayu for specs/vayu.yaml)
 * @param given    the items of collections by name ({"customers":[...]}) and a fault ({"fault":{...}}), or missing
 * @param request  {"pathParams":{...}, "query":{name: value or [values]}, "headers":{name: value or null to
 *                 leave out}, and one of "body", "rawBody" (text sent as is) or "bodyOfSize" (a JSON body of
 *                 that many bytes)}
 * @param responseKey  the documented response it belongs to ("404", "4XX", "default"), null when none is
 * @param status   the status answered: the example's own, or one its response key stands for
 * @param exactStatus whether that very status is documented (a "default" example stands for any other)
 * @param matchByShape pointers into the answer compared by JSON type only (undocumented wording)
 * @param inSpecFile whether the example is written in the spec file itself (else beside it, in specs/examples/)
 */
record ContractExample(String vendor, OpenApiSpec spec, Operation operation, String name, JsonNode given,
        JsonNode request, JsonNode requestBodyExample, String responseKey, int status, boolean exactStatus,
        JsonNode responseBody, List<String> matchByShape, String source, boolean inSpecFile) {

    static final String TOKEN = "contract-test-token";

    String testName(String direction) {
        return key() + " [" + direction + "]";
    }

    /** vayu/updateCustomer/success: what defects and test names call it. */
    String key() {
        return vendor + "/" + operation.id() + "/" + name;
    }

    /** vayu/updateCustomer/success (examples/vayu/updateCustomer/success.json), as failure messages name it. */
    String id() {
        return key() + " (" + source + ")";
    }

    /** vayu/updateCustomer: the operation's key. */
    String operationKey() {
        return vendor + "/" + operation.id();
    }

    /** Whether it may document a bad request (400, 4XX, or default where 400 is not documented otherwise). */
    boolean documentsBadRequest() {
        return responseKey == null ? status == 400
                : ResponseKeys.mayDescribeBadRequest(responseKey, ResponseKeys.of(spec, operation));
    }

    /** Whether an answer with this status is the one documented. */
    boolean answeredBy(int answered) {
        return exactStatus ? answered == status
                : responseKey != null && ResponseKeys.describes(responseKey, answered, ResponseKeys.of(spec, operation));
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

    /**
     * Headers to send: a bearer token, JSON and the required header parameters unless the example says otherwise
     * (null leaves one out).
     */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", "Bearer " + TOKEN,
                "Content-Type", "application/json"));
        headers.putAll(RequiredHeaders.of(spec, operation));
        request.path("headers").fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                headers.remove(e.getKey());
            } else {
                headers.put(e.getKey(), e.getValue().asText());
            }
        });
        return headers;
    }

    /** The header parameters to send (what a generated client takes as arguments): those of {@link #headers()} the operation declares. */
    Map<String, String> headerParams() {
        Map<String, String> params = new LinkedHashMap<>();
        headers().forEach((name, value) -> operation.headerParams().keySet().stream().filter(name::equalsIgnoreCase)
                .findFirst().ifPresent(declared -> params.put(declared, value)));
        return params;
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

    /** The pointer of the documented answer's schema in the spec. */
    String responseSchemaPointer() {
        return responsePointer() + "/content/application~1json/schema";
    }

    /** Whether the spec gives the documented answer's status a JSON schema (a vendor file may give it none). */
    boolean hasResponseSchema() {
        return responseKey != null && !spec.document().at(spec.resolvedPointer(responseSchemaPointer())).isMissingNode();
    }

    /** The pointer of the documented answer in the spec (its response object). */
    String responsePointer() {
        return operation.pointer() + "/responses/" + (responseKey == null ? status : responseKey.replace("~", "~0"));
    }
}
