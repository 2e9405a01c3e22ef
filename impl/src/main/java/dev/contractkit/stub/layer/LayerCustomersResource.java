package dev.contractkit.stub.layer;

import dev.contractkit.layer.server.api.CustomersApi;
import dev.contractkit.layer.server.model.CustomerResponse;
import dev.contractkit.layer.server.model.UpdateCustomerRequest;
import dev.contractkit.stub.http.ValidatedRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;

/** The generated Layer interface, implemented: the request has passed the pipeline before it gets here. */
@Singleton // one for all requests: HK2 building one per request (or a Provider lookup) cost ~7% of the CPU
public final class LayerCustomersResource implements CustomersApi {

    private final LayerCustomers customers;

    @Inject
    public LayerCustomersResource(LayerCustomers customers) {
        this.customers = customers;
    }

    /** The typed body cannot tell absent from null, so the update reads the validated JSON instead. */
    @Override
    public CustomerResponse updateCustomer(UUID businessId, UUID customerId, UpdateCustomerRequest typed) {
        return customers.update(businessId.toString(), customerId.toString(),
                ValidatedRequest.current().declaredFields());
    }
}
