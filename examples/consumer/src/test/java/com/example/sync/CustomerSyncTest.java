package com.example.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.junit.StubServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync against Contract Kit's stub, as this project's tests would run it instead of vendor sandboxes. */
@StubServerTest
class CustomerSyncTest {

    static final UUID BUSINESS = UUID.fromString("3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607");
    static final UUID LAYER_CUSTOMER = UUID.fromString("4f7c1b16-e057-4ec0-8b20-50308ba5b9ea");
    static final String VAYU_CUSTOMER = "5f1d7c2b9a3e4b5c6d7e8f90";

    final List<Long> pauses = new ArrayList<>();
    CustomerSync sync;

    @BeforeEach
    void connect(StubServer stub) {
        sync = new CustomerSync(stub.url(Vendor.VAYU), "vayu-token", stub.url(Vendor.LAYER), "layer-token", pauses::add);
    }

    @Test
    void updatesTheCustomerAtBothVendors(StubServer stub) throws Exception {
        sync.sync(new CustomerRecord("Ada Lovelace", "ada@example.com", VAYU_CUSTOMER, BUSINESS, LAYER_CUSTOMER));

        var vayuSent = stub.received(Vendor.VAYU, "updateCustomer",
                dev.contractkit.vayu.client.model.UpdateCustomerRequest.class);
        assertEquals("ada@example.com", vayuSent.get(0).getContacts().get(0).getEmail());
        var layerSent = stub.received(Vendor.LAYER, "updateCustomer",
                dev.contractkit.layer.client.model.UpdateCustomerRequest.class);
        assertEquals("Ada Lovelace", layerSent.get(0).getIndividualName());
        var stored = stub.layerClient().updateCustomer(BUSINESS, LAYER_CUSTOMER,
                new dev.contractkit.layer.client.model.UpdateCustomerRequest());
        assertEquals("ada@example.com", stored.getData().getEmail());
    }

    @Test
    void surfacesTheVendorsValidationErrorToTheCaller(StubServer stub) {
        SyncException refused = assertThrows(SyncException.class, () ->
                sync.sync(new CustomerRecord("Ada", "not-an-email", VAYU_CUSTOMER, BUSINESS, LAYER_CUSTOMER)));

        assertEquals("vayu", refused.vendor());
        assertEquals(400, refused.status());
        assertTrue(refused.vendorError().contains("\"param\":\"contacts[0].email\""), refused.vendorError());
        assertTrue(stub.received(Vendor.LAYER, "updateCustomer", Object.class).isEmpty(), "Layer not called");
    }

    @Test
    void retriesAfterA429ForTheWaitTheVendorAsks(StubServer stub) throws Exception {
        stub.armFault(new Fault().vendor("layer").kind(Fault.KindEnum.STATUS).status(429)
                .retryAfterSeconds(2).times(1));

        sync.sync(new CustomerRecord("Ada", "ada@example.com", VAYU_CUSTOMER, BUSINESS, LAYER_CUSTOMER));

        assertEquals(List.of(2L), pauses);
        assertEquals(2, stub.received(Vendor.LAYER, "updateCustomer", Object.class).size());
    }
}
