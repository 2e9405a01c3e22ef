package dev.contractkit.stub.vayu;

import dev.contractkit.stub.http.ValidatedRequest;
import dev.contractkit.vayu.server.api.CustomersApi;
import dev.contractkit.vayu.server.model.UpdateCustomerRequest;
import dev.contractkit.vayu.server.model.UpdateCustomerResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The generated Vayu interface, implemented: the request has passed the pipeline before it gets here. */
@Singleton // one for all requests: HK2 building one per request (or a Provider lookup) cost ~7% of the CPU
public final class VayuCustomersResource implements CustomersApi {

    private final VayuCustomers customers;

    @Inject
    public VayuCustomersResource(VayuCustomers customers) {
        this.customers = customers;
    }

    /** The typed body cannot tell absent from null, so the update reads the validated JSON instead. */
    @Override
    public UpdateCustomerResponse updateCustomer(String customerId, UpdateCustomerRequest typed) {
        return customers.update(customerId, ValidatedRequest.current().declaredFields());
    }
}
