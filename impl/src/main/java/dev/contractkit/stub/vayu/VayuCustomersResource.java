package dev.contractkit.stub.vayu;

import dev.contractkit.stub.http.ValidatedRequest;
import dev.contractkit.vayu.server.api.CustomersApi;
import dev.contractkit.vayu.server.model.UpdateCustomerRequest;
import dev.contractkit.vayu.server.model.UpdateCustomerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;

/** The generated Vayu interface, implemented: the request has passed the pipeline before it gets here. */
public final class VayuCustomersResource implements CustomersApi {

    private final VayuCustomers customers;
    @Context
    private ContainerRequestContext request;

    @Inject
    public VayuCustomersResource(VayuCustomers customers) {
        this.customers = customers;
    }

    /** The typed body cannot tell absent from null, so the update reads the validated JSON instead. */
    @Override
    public UpdateCustomerResponse updateCustomer(String customerId, UpdateCustomerRequest typed) {
        return customers.update(customerId, ValidatedRequest.of(request).declaredFields());
    }
}
