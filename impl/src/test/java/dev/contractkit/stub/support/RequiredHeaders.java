package dev.contractkit.stub.support;

import dev.contractkit.stub.engine.Samples;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.QueryParam;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header parameters an operation requires (a vendor's tenant id), each a sample of its schema: a test that
 * sends a valid request over HTTP sends them, or the stub refuses it with a 400 naming the first one missing.
 */
public final class RequiredHeaders {

    private RequiredHeaders() {
    }

    public static Map<String, String> of(Operation operation, Samples samples) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (QueryParam header : operation.headerParams().values()) {
            if (header.required()) {
                headers.put(header.name(), samples.of(header.schemaNode()).asText("x"));
            }
        }
        return headers;
    }
}
