package com.example.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.junit.StubServerTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import dev.contractkit.layer.client.ApiClient;
import dev.contractkit.layer.client.api.CustomersApi;
import dev.contractkit.layer.client.model.CustomerResponse;
import dev.contractkit.layer.client.model.UpdateCustomerRequest;

// docs/running.md's client jar example, as printed there (checked by `ReadmeSnippetsTest` in impl).
@StubServerTest
class ClientJarTest {

    @Test
    void clearsTheNotesAndKeepsTheRest(StubServer stub) throws Exception {
        String baseUrl = stub.url(Vendor.LAYER);
        String accessToken = "any-token";
        UUID businessId = UUID.fromString("3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607");
        UUID customerId = UUID.fromString("4f7c1b16-e057-4ec0-8b20-50308ba5b9ea");

        ApiClient client = new ApiClient().setBasePath(baseUrl);   // Layer's own: https://sandbox.layerfi.com
        client.setBearerToken(accessToken);
        CustomerResponse updated = new CustomersApi(client).updateCustomer(businessId, customerId,
                new UpdateCustomerRequest().email("john@hotmail.com").notes(null)); // notes cleared, the rest untouched

        assertEquals("john@hotmail.com", updated.getData().getEmail());
        assertNull(updated.getData().getNotes());
        assertEquals("Jane Roe", updated.getData().getIndividualName());
    }
}
