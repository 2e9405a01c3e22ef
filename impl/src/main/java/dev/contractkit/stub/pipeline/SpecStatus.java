package dev.contractkit.stub.pipeline;

import dev.contractkit.stub.spec.ValidatedRequest;
import dev.contractkit.stub.spec.OpenApiSpec;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Typed resource methods can only answer 200 (or 204 when void): this gives a success the status the spec
 * documents for the operation, e.g. 201 for a seed.
 */
final class SpecStatus implements ContainerResponseFilter {

    private final OpenApiSpec spec;

    SpecStatus(OpenApiSpec spec) {
        this.spec = spec;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ValidatedRequest validated = RequestPipeline.validated(request);
        if (validated != null && response.getStatus() == 200) {
            int documented = validated.route().operation().successStatus();
            if (documented != 200) {
                response.setStatus(documented);
            }
        }
    }
}
