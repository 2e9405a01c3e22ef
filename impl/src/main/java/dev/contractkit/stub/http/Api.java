package dev.contractkit.stub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.auth.Authenticator;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.spec.OpenApiSpec;

/**
 * One API the stub serves through the shared pipeline: a vendor's, or the admin API.
 *
 * @param authenticator null when the API takes no credentials (admin)
 */
public record Api(String prefix, OpenApiSpec spec, int bodyLimit, ErrorFormat errors, ObjectMapper json,
        Authenticator authenticator) {
}
