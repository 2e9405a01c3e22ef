package com.example.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.junit.StubServerTest;
import dev.contractkit.vayu.client.ApiException;
import dev.contractkit.vayu.client.model.UpdateCustomerRequest;
import org.junit.jupiter.api.Test;

// The README's JUnit example, as printed there: `ReadmeSnippetsTest` (impl) fails when the two part.
@StubServerTest                                   // a free port, the embedded data, one server per class
class ReadmeExampleTest {
    static final String CUSTOMER = "5f1d7c2b9a3e4b5c6d7e8f90";   // a Vayu customer of the embedded data

    @Test
    void updatesTheCustomer(StubServer stub) throws Exception {
        stub.vayuClient().updateCustomer(CUSTOMER, new UpdateCustomerRequest().name("Acme"));

        assertEquals("Acme", stub.received(Vendor.VAYU, "updateCustomer", UpdateCustomerRequest.class).get(0).getName());
    }

    @Test
    void seesTheVendorsRateLimit(StubServer stub) {
        stub.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.STATUS).status(429).times(1));

        ApiException refused = assertThrows(ApiException.class,
                () -> stub.vayuClient().updateCustomer(CUSTOMER, new UpdateCustomerRequest().name("Acme")));
        assertEquals(429, refused.getCode());
    }
}
