package dev.contractkit.stub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.spec.OpenApiSpec;

/**
 * One API the stub serves through the shared pipeline: a vendor's, or the admin API. The same for every stub
 * of a JVM; what differs per stub (its credentials' check, its state) travels with each request, in its {@link Arrival}.
 *
 * @param authenticates whether its secured operations ask for credentials (the vendors'; not the admin API)
 */
public record Api(String prefix, OpenApiSpec spec, int bodyLimit, ErrorFormat errors, ObjectMapper json,
        boolean authenticates) {
}
