package dev.contractkit.stub.junit;

import dev.contractkit.stub.support.DefaultData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.admin.server.model.Fault;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.vayu.client.model.UpdateCustomerRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The injected server's typed helpers, checked through the ready generated clients over HTTP. */
@StubServerTest
class TypedAccessExtensionTest {

    private static final UUID BUSINESS = UUID.fromString(DefaultData.LAYER_BUSINESS_ID);
    private static final UUID JANE = UUID.fromString(DefaultData.LAYER_CUSTOMER_ID);

    @Test
    void aSeededCustomerCanBeUpdatedThroughTheClient(StubServer server) throws Exception {
        // A map, not a generated model: the model of a customer is an inline schema whose generated name a
        // vendor's restructured file changes (UpdateCustomerResponseCustomer is gone from Vayu's whole file).
        var seeded = server.seedVayuCustomer(new java.util.LinkedHashMap<>(java.util.Map.of("name", "Seeded")));
        String id = (String) seeded.get("id");

        var answer = server.vayuClient().updateCustomer(id, new UpdateCustomerRequest().name("Renamed"));

        assertEquals(id, answer.getCustomer().getId());
        assertEquals("Renamed", answer.getCustomer().getName());
    }

    @Test
    void receivedHoldsWhatTheClientSent(StubServer server) throws Exception {
        server.vayuClient().updateCustomer(DefaultData.VAYU_CUSTOMER_ID, new UpdateCustomerRequest().name("Sent"));

        List<UpdateCustomerRequest> received = server.received(Vendor.VAYU, "updateCustomer", UpdateCustomerRequest.class);

        assertEquals(1, received.size());
        assertEquals("Sent", received.get(0).getName());
    }

    @Test
    void anArmedFaultAnswersTheNextCallOnly(StubServer server) throws Exception {
        server.armFault(new Fault().vendor("layer").kind(Fault.KindEnum.STATUS).status(429).times(1));
        var layer = server.layerClient();
        var request = new dev.contractkit.layer.client.model.UpdateCustomerRequest().individualName("Jane Doe");

        var refused = assertThrows(dev.contractkit.layer.client.ApiException.class,
                () -> layer.updateCustomer(BUSINESS, JANE, request));
        var answer = layer.updateCustomer(BUSINESS, JANE, request);

        assertEquals(429, refused.getCode());
        assertEquals("Jane Doe", answer.getData().getIndividualName());
    }

    /** Any vendor's generated API class, by its Vendor: the same client the typed convenience gives. */
    @Test
    void anyVendorsClientIsMadeFromItsApiClass(StubServer server) throws Exception {
        var customers = server.client(Vendor.named("layer"), dev.contractkit.layer.client.api.CustomersApi.class);

        assertEquals(JANE, customers.getCustomer(BUSINESS, JANE).getData().getId());
        assertEquals(server.url(Vendor.LAYER), server.url("layer"));
        var unknown = assertThrows(IllegalArgumentException.class, () -> server.url("acme"));
        assertEquals("no vendor acme is served: the stub serves " + server.state().vendors(), unknown.getMessage());
    }
}
