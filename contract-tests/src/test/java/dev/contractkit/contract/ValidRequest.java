package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.contract.ClientArguments.ClientRequest;
import dev.contractkit.stub.spec.Operation;
import java.util.Map;

/**
 * A request the spec calls valid for one operation: path values, query values and header parameters (the
 * required ones) that fit their schemas, and a body that fits the request schema (a missing node when the
 * operation takes none).
 */
record ValidRequest(Operation operation, Map<String, String> pathParams, Map<String, JsonNode> query,
        Map<String, String> headers, JsonNode body) {

    String pathAndQuery() {
        return path() + QueryStrings.of(query);
    }

    String path() {
        return PathTemplates.fill(operation.pathTemplate(), pathParams);
    }

    boolean hasBody() {
        return !body.isMissingNode();
    }

    ClientRequest forClient() {
        return new ClientRequest(pathParams, query, headers, body);
    }

    /** How a failure names it: PUT /customers/5f00… {"name":"a"}. */
    @Override
    public String toString() {
        return operation.method().toUpperCase(java.util.Locale.ROOT) + " " + pathAndQuery() + (hasBody() ? " " + body : "");
    }
}
