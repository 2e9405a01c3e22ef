package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import dev.contractkit.admin.client.model.Fault;
import dev.contractkit.admin.client.model.ResetRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.contractkit.stub.junit.StubServerTest;

/** A reset goes back to the loaded data, or to nothing, and forgets journal and faults. */
@StubServerTest
class AdminResetAcceptanceTest {

    @Test
    void resetGoesBackToTheLoadedDataAndForgetsJournalAndFaults(StubServer stub, AdminApi admin) throws ApiException {
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"Changed\"}");
        admin.seedVayuCustomer(Map.of("name", "Extra"));
        admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.DROP));

        admin.resetState(new ResetRequest().to(ResetRequest.ToEnum.LOADED));

        assertEquals("Acme Analytics", admin.getVayuCustomer(DefaultData.VAYU_CUSTOMER_ID).get("name"));
        assertEquals(1, admin.listVayuCustomers().getCustomers().size());
        assertTrue(admin.listRequests(null, null).getRequests().isEmpty());
        assertTrue(admin.listFaults().getFaults().isEmpty());
    }

    @Test
    void resetToEmptyLeavesNoCustomers(StubServer stub, AdminApi admin) throws ApiException {
        admin.resetState(new ResetRequest().to(ResetRequest.ToEnum.EMPTY));

        assertTrue(admin.listVayuCustomers().getCustomers().isEmpty());
        assertEquals(404, StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, "{}").status());
        admin.resetState(null);
        assertEquals(200, StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, "{}").status());
    }

    @Test
    void refusesAnUnknownResetTargetNamingIt(StubServer stub) {
        StubHttp.Answer answer = StubHttp.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stub.baseUri() + "/__admin/reset"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\":\"yesterday\"}")));

        assertEquals(400, answer.status());
        assertEquals("to", answer.body().at("/errors/0/param").asText());
    }
}
