package dev.contractkit.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import dev.contractkit.admin.client.model.Fault;
import dev.contractkit.admin.client.model.ResetRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.contractkit.stub.junit.StubServerTest;

/** A reset goes back to the loaded data, or to nothing, and forgets journal and faults. */
@StubServerTest
class AdminResetAcceptanceTest {

    static StubServer stub;
    static AdminApi admin;

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
        admin = AdminClients.admin(stub);
    }


    @Test
    void resetGoesBackToTheLoadedDataAndForgetsJournalAndFaults() throws ApiException {
        StubHttp.put(stub.url(Vendor.VAYU) + StubHttp.VAYU_CUSTOMER, "{\"name\":\"Changed\"}");
        admin.seedVayuCustomer(Map.of("name", "Extra"));
        admin.armFault(new Fault().vendor("vayu").kind(Fault.KindEnum.DROP));

        admin.resetState(new ResetRequest().to(ResetRequest.ToEnum.LOADED));

        assertEquals("Acme Analytics", admin.getVayuCustomer("5f1d7c2b9a3e4b5c6d7e8f90").get("name"));
        assertEquals(1, admin.listVayuCustomers().getCustomers().size());
        assertTrue(admin.listRequests(null, null).getRequests().isEmpty());
        assertTrue(admin.listFaults().getFaults().isEmpty());
    }

    @Test
    void resetToEmptyLeavesNoCustomers() throws ApiException {
        admin.resetState(new ResetRequest().to(ResetRequest.ToEnum.EMPTY));

        assertTrue(admin.listVayuCustomers().getCustomers().isEmpty());
        assertEquals(404, StubHttp.put(stub.url(Vendor.LAYER) + StubHttp.LAYER_CUSTOMER, "{}").status());
        admin.resetState(null);
        assertEquals(200, StubHttp.put(stub.url(Vendor.LAYER) + StubHttp.LAYER_CUSTOMER, "{}").status());
    }

    @Test
    void refusesAnUnknownResetTargetNamingIt() {
        StubHttp.Answer answer = StubHttp.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stub.baseUri() + "/__admin/reset"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\":\"yesterday\"}")));

        assertEquals(400, answer.status());
        assertEquals("to", answer.body().at("/errors/0/param").asText());
    }
}
