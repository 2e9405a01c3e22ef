package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.AdminClients;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import dev.contractkit.admin.client.model.JournalEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every vendor request is journalled, in arrival order, and the journal keeps only the newest N. */
class JournalAcceptanceTest {

    StubServer stub;
    AdminApi admin;

    @BeforeEach
    void start() {
        stub = StubServer.builder().journalSize(5).start();
        admin = AdminClients.admin(stub);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void recordsMethodPathHeadersBodyStatusAndAnswerWithAuthorizationRedacted() throws ApiException {
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER + "?trace=1", "{\"name\":\"Journalled\"}");

        JournalEntry entry = admin.listRequests(null, null).getRequests().get(0);

        assertEquals("vayu", entry.getVendor());
        assertEquals("updateCustomer", entry.getOperation());
        assertEquals("PUT", entry.getMethod());
        assertEquals(DefaultData.VAYU_CUSTOMER + "?trace=1", entry.getPath());
        assertEquals("[redacted]", entry.getHeaders().get("authorization"));
        assertEquals("application/json", entry.getHeaders().get("content-type"));
        assertEquals(Map.of("name", "Journalled"), entry.getBody());
        assertEquals(200, entry.getStatus());
        assertEquals("Journalled", ((Map<?, ?>) ((Map<?, ?>) entry.getResponseBody()).get("customer")).get("name"));
        assertTrue(entry.getReceivedAt() != null);
    }

    @Test
    void recordsRefusalsAndRequestsThatMatchNoOperation() throws ApiException {
        StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, "{\"email\":5}");
        StubHttp.put(stub.url(Vendor.LAYER) + "/v1/nowhere", "{}");

        List<JournalEntry> entries = admin.listRequests("layer", null).getRequests();

        assertEquals(List.of(400, 404), entries.stream().map(JournalEntry::getStatus).toList());
        assertNull(entries.get(1).getOperation());
    }

    @Test
    void filtersByVendorAndOperationInArrivalOrder() throws ApiException {
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"1\"}");
        StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, "{\"notes\":\"2\"}");
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"3\"}");

        List<JournalEntry> vayu = admin.listRequests("vayu", "updateCustomer").getRequests();

        assertEquals(List.of("1", "3"), vayu.stream().map(e -> ((Map<?, ?>) e.getBody()).get("name")).toList());
        assertEquals(3, admin.listRequests(null, null).getRequests().size());
        assertTrue(admin.listRequests("vayu", "deleteCustomer").getRequests().isEmpty());
    }

    @Test
    void holdsExactlyTheNewestNRequests() throws ApiException {
        for (int i = 1; i <= 8; i++) {
            StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{\"name\":\"" + i + "\"}");
        }

        List<JournalEntry> entries = admin.listRequests(null, null).getRequests();

        assertEquals(List.of("4", "5", "6", "7", "8"),
                entries.stream().map(e -> ((Map<?, ?>) e.getBody()).get("name")).toList());
    }

    @Test
    void neverRecordsAdminCalls() throws ApiException {
        admin.getHealth();
        admin.listVayuCustomers();

        assertTrue(admin.listRequests(null, null).getRequests().isEmpty());
    }

    @Test
    void clearsOnRequest() throws ApiException {
        StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{}");

        admin.clearRequests();

        assertTrue(admin.listRequests(null, null).getRequests().isEmpty());
    }
}
