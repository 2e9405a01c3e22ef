package dev.contractkit.contract;

import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for an operation's required header parameters (a tenant id, say), each the smallest its schema accepts,
 * its example first: the stub refuses a request without them, as it does one without a required query parameter.
 */
final class RequiredHeaders {

    private RequiredHeaders() {
    }

    static Map<String, String> of(OpenApiSpec spec, Operation operation) {
        ConstraintBreaker schemas = new ConstraintBreaker(spec.document());
        Map<String, String> headers = new LinkedHashMap<>();
        for (QueryParam param : operation.headerParams().values()) {
            if (param.required()) {
                headers.put(param.name(), param.schemaNode().isMissingNode() ? "x" : schemas.minimal(param.schemaNode()).asText());
            }
        }
        return headers;
    }
}
