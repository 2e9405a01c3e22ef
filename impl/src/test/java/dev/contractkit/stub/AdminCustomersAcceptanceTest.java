package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static dev.contractkit.stub.support.AdminClients.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.contractkit.stub.junit.StubServerTest;

/** Seeding, reading, listing and deleting customers through the admin API. */
@StubServerTest
class AdminCustomersAcceptanceTest {

    static final String BUSINESS = DefaultData.LAYER_BUSINESS_ID;

    @Test
    void seedsAVayuCustomerWithAGeneratedIdThatTheVendorApiThenServes(StubServer stub, AdminApi admin) throws ApiException {
        Map<String, Object> seeded = admin.seedVayuCustomer(Map.of("name", "Seeded", "externalId", "seed-1"));

        String id = (String) seeded.get("id");
        assertTrue(id.matches("[0-9a-f]{24}"), id);
        assertTrue(seeded.containsKey("createdAt") && seeded.containsKey("updatedAt"));
        assertEquals("Seeded", admin.getVayuCustomer(id).get("name"));
        assertEquals(200, StubHttp.put(stub.url(Vendor.VAYU) + "/customers/" + id, "{\"name\":\"Renamed\"}").status());
        assertEquals("Renamed", admin.getVayuCustomer(id).get("name"));
    }

    @Test
    void seedsALayerCustomerWithAGivenIdInANewBusiness(StubServer stub, AdminApi admin) throws ApiException {
        String business = "11111111-2222-4333-8444-555555555555";
        String id = "66666666-7777-4888-9999-000000000000";

        Map<String, Object> seeded = admin.seedLayerCustomer(business, Map.of("id", id, "email", "a@b.example"));

        assertEquals(id, seeded.get("id"));
        assertEquals("ACTIVE", seeded.get("status"));
        assertEquals(1, admin.listLayerCustomers(business).getCustomers().size());
        assertEquals(200, StubHttp.put(stub.url(Vendor.LAYER) + "/v1/businesses/" + business + "/customers/" + id,
                "{\"notes\":\"hi\"}").status());
    }

    @Test
    void listsEveryCustomerOfAVendor(AdminApi admin) throws ApiException {
        admin.seedVayuCustomer(Map.of("name", "Second"));

        assertEquals(2, admin.listVayuCustomers().getCustomers().size());
        assertEquals(1, admin.listLayerCustomers(BUSINESS).getCustomers().size());
    }

    @Test
    void deletesACustomerSoTheVendorApiAnswers404(StubServer stub, AdminApi admin) throws ApiException {
        admin.deleteVayuCustomer(DefaultData.VAYU_CUSTOMER_ID);

        assertRefused(404, () -> admin.getVayuCustomer(DefaultData.VAYU_CUSTOMER_ID));
        assertEquals(404, StubHttp.put(stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER, "{}").status());
        assertRefused(404, () -> admin.deleteVayuCustomer(DefaultData.VAYU_CUSTOMER_ID));
    }

    @Test
    void refusesACustomerThatDoesNotFitTheVendorsSpecNamingTheField(AdminApi admin) {
        ApiException refused = assertRefused(400, () -> admin.seedVayuCustomer(Map.of("name", 5)));

        assertTrue(refused.getResponseBody().contains("\"param\":\"name\""), refused.getResponseBody());
    }

    @Test
    void refusesASecondCustomerWithTheSameExternalId(AdminApi admin) {
        assertRefused(409, () -> admin.seedVayuCustomer(Map.of("name", "Twin", "externalId", "acme-001")));
    }

    @Test
    void answers404ForAnUnknownBusinessOrCustomer(AdminApi admin) {
        assertRefused(404, () -> admin.listLayerCustomers("00000000-0000-4000-8000-000000000000"));
        assertRefused(404, () -> admin.getLayerCustomer(BUSINESS, "00000000-0000-4000-8000-000000000000"));
    }
}
