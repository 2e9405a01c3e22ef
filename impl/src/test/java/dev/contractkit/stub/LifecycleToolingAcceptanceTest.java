package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.AdminClients;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import dev.contractkit.admin.client.model.Fault;
import dev.contractkit.admin.client.model.JournalEntry;
import dev.contractkit.stub.junit.StubServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test tooling holds for operations no Java was written for (Layer's create, list and archive):
 * the journal names them, faults armed for one of them fire on it alone, and typed verification reads
 * what they were sent.
 */
@StubServerTest
class LifecycleToolingAcceptanceTest {

    static final String CUSTOMERS = "/v1/businesses/" + DefaultData.LAYER_BUSINESS_ID + "/customers";
    static StubServer stub;
    static AdminApi admin;

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
        admin = AdminClients.admin(stub);
    }

    @Test
    void theJournalNamesEachOperation() throws ApiException {
        send("POST", CUSTOMERS, "{\"external_id\":\"journal-1\"}");
        send("GET", CUSTOMERS + "?include_archived=true", null);
        send("POST", DefaultData.LAYER_CUSTOMER + "/archive", null);

        List<String> operations = admin.listRequests("layer", null).getRequests().stream()
                .map(JournalEntry::getOperation).toList();

        assertEquals(List.of("createCustomer", "listCustomers", "archiveCustomer"), operations);
    }

    @Test
    void aFaultArmedForOneOperationFiresOnItAlone() throws ApiException {
        admin.armFault(new Fault().vendor("layer").operation("listCustomers").kind(Fault.KindEnum.STATUS)
                .status(503).times(1));

        StubHttp.Answer create = send("POST", CUSTOMERS, "{\"external_id\":\"fault-1\"}");
        StubHttp.Answer list = send("GET", CUSTOMERS, null);

        assertEquals(201, create.status());
        assertEquals(503, list.status());
        assertTrue(list.headers().firstValue("X-Stub-Fault").isPresent());
        assertEquals("ServiceUnavailable", list.body().at("/errors/0/type").asText());
        assertEquals(200, send("GET", CUSTOMERS, null).status());
    }

    @Test
    void typedVerificationReadsWhatAnOperationWasSent() {
        send("POST", CUSTOMERS, "{\"external_id\":\"typed-1\",\"memo\":\"hi\"}");

        @SuppressWarnings("rawtypes")
        List<Map> sent = stub.received(Vendor.LAYER, "createCustomer", Map.class);

        assertEquals(1, sent.size());
        assertEquals("typed-1", sent.get(0).get("external_id"));
    }

    private static StubHttp.Answer send(String method, String path, String body) {
        return StubHttp.send(method, stub.url(Vendor.LAYER) + path, body);
    }
}
