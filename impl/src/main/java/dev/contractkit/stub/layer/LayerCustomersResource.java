package dev.contractkit.stub.layer;

import dev.contractkit.layer.server.api.CustomersApi;
import dev.contractkit.layer.server.model.CustomerResponse;
import dev.contractkit.layer.server.model.UpdateCustomerRequest;
import dev.contractkit.stub.http.ValidatedRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import java.util.UUID;

/** The generated Layer interface, implemented: the request has passed the pipeline before it gets here. */
public final class LayerCustomersResource implements CustomersApi {

    private final LayerCustomers customers;
    @Context
    private ContainerRequestContext request;

    @Inject
    public LayerCustomersResource(LayerCustomers customers) {
        this.customers = customers;
    }

    /** The typed body cannot tell absent from null, so the update reads the validated JSON instead. */
    @Override
    public CustomerResponse updateCustomer(UUID businessId, UUID customerId, UpdateCustomerRequest typed) {
        return customers.update(businessId.toString(), customerId.toString(),
                ValidatedRequest.of(request).declaredFields());
    }
}
