package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static dev.contractkit.stub.support.AdminClients.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.admin.client.ApiException;
import dev.contractkit.admin.client.api.AdminApi;
import dev.contractkit.admin.client.model.OperationInfo;
import dev.contractkit.stub.junit.StubServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

/** Any collection through the admin API: seed, list, read, delete; what is served, and how. */
@StubServerTest
class AdminResourcesAcceptanceTest {

    static final String LAYER_CUSTOMERS = "/v1/businesses/3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607/customers";

    @Test
    void seedsAnItemThatTheVendorApiThenServesAndDeletesIt(StubServer stub, AdminApi admin) throws ApiException {
        Map<String, Object> seeded = admin.seedResource("layer", LAYER_CUSTOMERS, Map.of("individual_name", "Ada"));
        String id = (String) seeded.get("id");
        String path = LAYER_CUSTOMERS + "/" + id;

        assertEquals("Ada", admin.getResource("layer", path).get("individual_name"));
        assertEquals(2, admin.listResources("layer", LAYER_CUSTOMERS).getItems().size());
        assertEquals("Ada", StubHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stub.url(Vendor.LAYER) + path))
                .header("Authorization", "Bearer t").GET()).body().at("/data/individual_name").asText());

        admin.deleteResource("layer", path);

        assertRefused(404, () -> admin.getResource("layer", path));
        assertEquals(404, StubHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stub.url(Vendor.LAYER) + path))
                .header("Authorization", "Bearer t").GET()).status());
    }

    /** A vendor is a spec's name, not an enum: one with no spec is a 404 naming those served, and changes nothing. */
    @Test
    void aVendorTheStubHasNoSpecOfIsA404NamingTheVendorsServed(StubServer stub, AdminApi admin) throws ApiException {
        int faults = admin.listFaults().getFaults().size();
        for (Executable call : List.<Executable>of(
                () -> admin.listResources("acme", "/customers"),
                () -> admin.seedResource("acme", "/customers", Map.of("name", "A")),
                () -> admin.listRequests("acme", null),
                () -> admin.armFault(new dev.contractkit.admin.client.model.Fault().vendor("acme")
                        .kind(dev.contractkit.admin.client.model.Fault.KindEnum.STATUS).status(500)))) {
            String body = assertRefused(404, call).getResponseBody();
            assertTrue(body.contains("No vendor acme: the stub serves ") && body.contains("layer") && body.contains("vayu"), body);
        }
        assertEquals(faults, admin.listFaults().getFaults().size());
        assertEquals(Vendor.packaged().stream().map(Vendor::prefix).sorted().toList(),
                admin.listOperations().getOperations().stream().map(OperationInfo::getVendor).distinct().sorted().toList());
    }

    @Test
    void anItemThatDoesNotFitTheSpecIsA400NamingTheField(AdminApi admin) {
        assertRefused(400, () -> admin.seedResource("layer", LAYER_CUSTOMERS, Map.of("status", "GONE")));
        assertRefused(400, () -> admin.seedResource("vayu", "/customers", Map.of("name", 5)));
    }

    @Test
    void aTakenUniqueFieldIsA409(AdminApi admin) {
        assertRefused(409, () -> admin.seedResource("vayu", "/customers", Map.of("name", "Twin", "externalId", "acme-001")));
    }

    @Test
    void aPathThatIsNoCollectionIsA404(AdminApi admin) {
        assertRefused(404, () -> admin.listResources("vayu", "/no-such-collection"));
        assertRefused(404, () -> admin.getResource("vayu", "/customers/000000000000000000000000"));
    }

    @Test
    void listsEveryOperationOfEverySpecWithHowItIsServed(StubServer stub, AdminApi admin) throws ApiException {
        var operations = admin.listOperations().getOperations();
        long specOperations = stub.state().vendors().stream().mapToLong(v -> stub.state().spec(v).operations().size()).sum();

        assertEquals(specOperations, operations.size());
        OperationInfo archive = operations.stream().filter(o -> o.getOperationId().equals("archiveCustomer")).findFirst().orElseThrow();
        assertEquals("action", archive.getBehaviour());
        assertEquals(OperationInfo.ServedAsEnum.STATEFUL, archive.getServedAs());
        assertEquals("POST", archive.getMethod());
        for (OperationInfo operation : operations) {
            boolean synthesized = operation.getServedAs() == OperationInfo.ServedAsEnum.SYNTHESIZED;
            assertEquals(synthesized, operation.getReason() != null && !operation.getReason().isBlank(),
                    () -> operation.getOperationId() + " (" + operation.getBehaviour() + ") reason: " + operation.getReason());
        }
    }

    /** The packaged specs have no subscribing operation: the list is there, and empty (the rule's tests are the engine's). */
    @Test
    void listsTheSubscriptionsKeptNoneHere(StubServer stub, AdminApi admin) throws ApiException {
        assertEquals(List.of(), admin.listSubscriptions().getSubscriptions());
        var answer = StubHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stub.baseUri() + "/__admin/subscriptions")).GET());
        assertEquals(200, answer.status());
        assertEquals("{\"subscriptions\":[]}", answer.body().toString());
    }

    @Test
    void countsTheItemsOfEachCollectionByScope(AdminApi admin) throws ApiException {
        var layer = admin.listCollections().getCollections().stream()
                .filter(c -> "layer".equals(c.getVendor())).findFirst().orElseThrow();

        assertEquals("/v1/businesses/{business_id}/customers", layer.getCollection());
        assertEquals(Map.of(DefaultData.LAYER_BUSINESS_ID, 1), layer.getScopes());
        assertFalse(admin.listCollections().getCollections().isEmpty());
        assertTrue(admin.listCollections().getCollections().stream().anyMatch(c -> "vayu".equals(c.getVendor())));
    }
}
