package dev.contractkit.stub.admin;

import dev.contractkit.admin.server.model.Health;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * A DOWN health answered 503 with the same body, as Spring Boot Actuator's health does: a load balancer or a
 * readiness probe reads the status code, not the body. The typed admin method can only answer 200 itself.
 */
public final class HealthStatus implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Health health && health.getStatus() == Health.StatusEnum.DOWN) {
            response.setStatus(503);
        }
    }
}
