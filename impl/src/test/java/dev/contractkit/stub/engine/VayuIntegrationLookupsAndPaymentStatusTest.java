package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integration lookups of customers and contracts and an invoice's payment status on Vayu's whole published
 * file, with specs/vayu.overlay.yaml applied as the stub applies it: each request goes the pipeline's way (checked
 * against its schemas, then the engine, a refusal in Vayu's error format), and every answer is judged against the
 * schema Vayu documents for it by the tests' own judge, apart from the stub's validator.
 */
class VayuIntegrationLookupsAndPaymentStatusTest {


    @TempDir
    Path specs;

    private EngineFixture vayu;
    private ErrorFormat errors;
    private String customer;

    @BeforeEach
    void vayusWholeFileAndACustomerLinkedToSalesforceAndNetSuite() throws Exception {
        vayu = EngineFixture.vayusWholeFile(specs);
        errors = Vendor.VAYU.errors();
        customer = answer("createCustomer", "POST", "/customers", "{\"name\":\"Acme\",\"externalId\":\"acme-1\","
                + "\"salesForceAccountId\":\"001Acme\",\"customerErpId\":\"NS-42\"}", 200).at("/customer/id").asText();
        answer("createCustomer", "POST", "/customers", "{\"name\":\"Globex\",\"externalId\":\"globex-1\","
                + "\"salesForceAccountId\":\"001Globex\"}", 200);
    }

    @Test
    void theOperationsAreServedByTheirRules() {
        assertEquals(Behaviour.Kind.LOOKUP_BY, vayu.kind("getCustomerByIntegrationId"));
        assertEquals(Behaviour.Kind.LOOKUP_BY, vayu.kind("getContractByIntegrationId"));
        assertEquals(Behaviour.Kind.VIEW, vayu.kind("getInvoicePaymentStatus"));
    }

    @Test
    void aCustomerIsFoundByTheIdItHoldsForTheIntegration() {
        assertEquals(customer, byIntegration("Salesforce", "001Acme", 200).at("/customer/id").asText());
        assertEquals("Acme", byIntegration("NetSuite", "NS-42", 200).at("/customer/name").asText());
        assertEquals(customer, byIntegration("QuickBooks", "NS-42", 200).at("/customer/id").asText(), "an ERP's id");
        assertEquals(customer, byIntegration("Vayu", customer, 200).at("/customer/id").asText(), "Vayu's own id");
        assertEquals(customer, byIntegration("Hubspot", "acme-1", 200).at("/customer/id").asText(), "another's: externalId");
        assertEquals("Globex", byIntegration("Salesforce", "001Globex", 200).at("/customer/name").asText());
    }

    @Test
    void aCustomerNoIntegrationIdMatchesIsVayus404AndAnUnknownProviderA400() {
        JsonNode miss = byIntegration("Salesforce", "NS-42", 404);
        assertEquals("resource_not_found", miss.path("code").asText(), miss::toString);
        assertTrue(miss.path("message").asText().contains("NS-42"), miss::toString);
        byIntegration("NetSuite", "001Acme", 404);
        answer("getCustomerByIntegrationId", "GET", "/customers/integration/Zoho/001Acme", null, 400);
    }

    @Test
    void aContractIsFoundByItsSalesforceOpportunityAndNotByAProviderItHasNoFieldFor() {
        String contract = answer("createContract", "POST", "/contracts", "{\"name\":\"Annual\",\"customerId\":\"" + customer
                + "\",\"startDate\":\"2026-12-01T00:00:00.000Z\",\"salesForceOpportunityId\":\"006Deal\"}", 200).at("/contract/id").asText();
        JsonNode found = answer("getContractByIntegrationId", "GET", "/contracts/integration/Salesforce/006Deal", null, 200);
        assertEquals(contract, found.at("/contract/id").asText(), found::toString);
        assertEquals("Annual", found.at("/contract/name").asText());
        assertEquals(contract, answer("getContractByIntegrationId", "GET", "/contracts/integration/Vayu/" + contract, null, 200)
                .at("/contract/id").asText());
        answer("getContractByIntegrationId", "GET", "/contracts/integration/Salesforce/006Other", null, 404);
        answer("getContractByIntegrationId", "GET", "/contracts/integration/Hubspot/006Deal", null, 404);
    }

    @Test
    void anInvoicesPaymentStatusIsReadFromItsOwnFields() throws Exception {
        String partly = invoice("{\"customerId\":\"" + customer + "\",\"name\":\"December\",\"amount\":120,\"billingStatus\":\"PendingPayment\","
                + "\"dueDate\":\"2026-12-31T00:00:00.000Z\",\"paymentInfo\":{\"amount\":20,\"date\":\"2026-12-10T09:00:00.000Z\"}}");
        JsonNode status = answer("getInvoicePaymentStatus", "GET", "/invoices/" + partly + "/payment-status", null, 200);
        assertEquals(partly, status.path("invoiceId").asText());
        assertEquals("PendingPayment", status.path("billingStatus").asText());
        assertEquals(List.of(120.0, 20.0, 100.0), List.of(status.path("total").asDouble(), status.path("amountPaid").asDouble(),
                status.path("amountDue").asDouble()), status::toString);
        assertEquals("2026-12-31T00:00:00.000Z", status.path("dueDate").asText());
        assertEquals("2026-12-10T09:00:00.000Z", status.path("paidAt").asText());

        String paid = invoice("{\"customerId\":\"" + customer + "\",\"name\":\"November\",\"amount\":80,\"billingStatus\":\"Paid\"}");
        JsonNode inFull = answer("getInvoicePaymentStatus", "GET", "/invoices/" + paid + "/payment-status", null, 200);
        assertEquals(List.of(80.0, 0.0), List.of(inFull.path("amountPaid").asDouble(), inFull.path("amountDue").asDouble()), inFull::toString);
        assertFalse(inFull.has("paidAt"), () -> "no payment date held: " + inFull);
    }

    @Test
    void thePaymentStatusOfAnInvoiceNoOneHoldsIsVayus404() {
        JsonNode miss = answer("getInvoicePaymentStatus", "GET", "/invoices/0123456789abcdef01234567/payment-status", null, 404);
        assertEquals("resource_not_found", miss.path("code").asText(), miss::toString);
        answer("getInvoicePaymentStatus", "GET", "/invoices/not-hex/payment-status", null, 400);
    }

    private JsonNode byIntegration(String type, String id, int status) {
        return answer("getCustomerByIntegrationId", "GET", "/customers/integration/" + type + "/" + id, null, status);
    }

    /** An invoice seeded as loaded data is (Vayu's API creates none), its id returned. */
    private String invoice(String json) throws Exception {
        ObjectNode item = new Seeder(vayu.spec, vayu.model).place("/invoices", new ObjectMapper().readTree(json)).item();
        String id = item.path("id").asText();
        vayu.store.inScope("/invoices", "", true, s -> s.put(id, item, List.of(), "Invoice"));
        return id;
    }

    private JsonNode answer(String operationId, String method, String path, String body, int status) {
        return vayu.judged(operationId, method, path, body, status, errors);
    }
}
