package dev.contractkit.stub.pipeline;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line a request at debug; nothing at info, so the hot path does no logging work by default. */
final class RequestLog implements ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger("dev.contractkit.stub.requests");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {}", request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                    response.getStatus());
        }
    }
}
