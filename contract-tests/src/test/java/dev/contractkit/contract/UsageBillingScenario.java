package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Issue 26's "done when", through the client regenerated from Vayu's whole file (loaded by reflection from
 * the drop-in copy, so this compiles against the seed's client): grant 100, deduct 30, the ledger; three
 * events, two deleted by ref; a dry run not stored; a meter counting api_call events for a customer; a customer
 * and a contract found by their Salesforce ids; an invoice's payment status read from its fields.
 */
final class UsageBillingScenario {

    private final ClassLoader loader;
    private final Object client;
    private final ObjectMapper mapper;
    private final String stubUrl;

    /** @param client the regenerated ApiClient, its base path and bearer token set */
    UsageBillingScenario(ClassLoader loader, Object client, ObjectMapper mapper, String stubUrl) {
        this.loader = loader;
        this.client = client;
        this.mapper = mapper;
        this.stubUrl = stubUrl;
    }

    void run() throws Exception {
        String customer = tree(call(api("Customers"), "createCustomer",
                "{\"name\":\"Metered\",\"aliases\":[\"metered-1\"]}")).at("/customer/id").asText();
        meterCountsTheCustomersEvents(customer); // first: the one part that needs no credits, deletes or dry runs
        ledger(customer);
        eventsDeletedByRef();
        dryRunNotStored();
        foundByIntegration(customer);
        invoicePaymentStatus(customer);
    }

    private void foundByIntegration(String metered) throws Exception {
        Object customers = api("Customers");
        String customer = tree(call(customers, "createCustomer", "{\"name\":\"Linked\",\"salesForceAccountId\":\"001Linked\"}"))
                .at("/customer/id").asText();
        assertEquals(customer, tree(call(customers, "getCustomerByIntegrationId", null, "Salesforce", "001Linked"))
                .at("/customer/id").asText(), "the customer holding the Salesforce id");
        assertEquals(404, status(() -> call(customers, "getCustomerByIntegrationId", null, "Salesforce", "001Nobody")));
        Object contracts = api("Contracts");
        String contract = tree(call(contracts, "createContract", "{\"name\":\"Annual\",\"customerId\":\"" + metered
                + "\",\"startDate\":\"2026-12-01T00:00:00.000Z\",\"salesForceOpportunityId\":\"006Deal\"}")).at("/contract/id").asText();
        assertEquals(contract, tree(call(contracts, "getContractByIntegrationId", null, "Salesforce", "006Deal"))
                .at("/contract/id").asText(), "the contract holding the opportunity id");
        assertEquals(404, status(() -> call(contracts, "getContractByIntegrationId", null, "Hubspot", "006Deal")));
    }

    private void invoicePaymentStatus(String customer) throws Exception {
        String invoice = seed("/invoices", "{\"customerId\":\"" + customer + "\",\"name\":\"December\",\"amount\":120,"
                + "\"billingStatus\":\"PendingPayment\",\"paymentInfo\":{\"amount\":20,\"date\":\"2026-12-10T09:00:00.000Z\"}}");
        Object invoices = api("Invoices");
        JsonNode status = tree(call(invoices, "getInvoicePaymentStatus", null, invoice));
        assertEquals(invoice, status.path("invoiceId").asText(), status::toString);
        assertEquals("PendingPayment", status.path("billingStatus").asText(), status::toString);
        assertEquals(20, status.path("amountPaid").asDouble(), status::toString);
        assertEquals(100, status.path("amountDue").asDouble(), status::toString);
        assertEquals(404, status(() -> call(invoices, "getInvoicePaymentStatus", null, "0123456789abcdef01234567")));
    }

    private void ledger(String customer) throws Exception {
        Object credits = api("Credits");
        call(credits, "grantCredits", "{\"customerId\":\"" + customer + "\",\"creditAmount\":100}");
        call(credits, "deductCredits", "{\"customerId\":\"" + customer + "\",\"creditAmount\":30}");
        JsonNode entries = tree(call(credits, "listCreditLedgerEntries", null, customer)).path("entries");
        assertEquals(2, entries.size(), () -> "both entries listed: " + entries);
        assertEquals(70, entries.get(1).path("balanceAfterEntry").asDouble(), () -> "the second's balance: " + entries);
    }

    private void eventsDeletedByRef() throws Exception {
        Object events = api("Events");
        String[] refs = {UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        call(events, "sendEvents", "{\"events\":[" + event("page_view", "anyone", refs[0]) + ","
                + event("page_view", "anyone", refs[1]) + "," + event("page_view", "anyone", refs[2]) + "]}");
        JsonNode deleted = tree(call(events, "deleteEventsByRefs", "{\"refs\":[\"" + refs[0] + "\",\"" + refs[1] + "\"]}"));
        assertEquals(2, deleted.path("events").size(), () -> "the deleted events answered: " + deleted);
        assertEquals(404, status(() -> call(events, "getEventByRefId", null, refs[0])));
        assertEquals(404, status(() -> call(events, "getEventByRefId", null, refs[1])));
        assertEquals(refs[2], tree(call(events, "getEventByRefId", null, refs[2])).at("/event/ref").asText());
    }

    private void dryRunNotStored() throws Exception {
        Object events = api("Events");
        String ref = UUID.randomUUID().toString();
        JsonNode answered = tree(call(events, "sendEventsDryRun", "{\"events\":[" + event("api_call", "anyone", ref) + "]}"));
        assertEquals(ref, answered.at("/events/0/event/ref").asText(), () -> "the dry run answers the event sent: " + answered);
        assertEquals(404, status(() -> call(events, "getEventByRefId", null, ref)), "a dry run stores nothing");
    }

    private void meterCountsTheCustomersEvents(String customer) throws Exception {
        String meter = seedMeter("{\"name\":\"API calls\",\"eventName\":\"api_call\",\"aggregationMethod\":{\"operator\":\"Count\"}}");
        call(api("Events"), "sendEvents", "{\"events\":[" + event("api_call", "metered-1", UUID.randomUUID().toString()) + ","
                + event("api_call", "metered-1", UUID.randomUUID().toString()) + ","
                + event("api_call", "metered-1", UUID.randomUUID().toString()) + ","
                + event("api_call", "someone-else", UUID.randomUUID().toString()) + "]}");
        JsonNode consumptions = tree(call(api("Customers"), "getCustomerProductsConsumptions", null, customer));
        JsonNode mine = Stream.of(mapper.convertValue(consumptions.path("productsConsumptions"), JsonNode[].class))
                .filter(c -> c.path("productId").asText().equals(meter)).findFirst()
                .orElseThrow(() -> new AssertionError("no consumption of meter " + meter + ": " + consumptions));
        assertEquals(3, mine.path("consumedAmount").asDouble(), () -> "the customer's api_call events: " + mine);
    }

    /** Vayu's API creates no meter: one is seeded through the stub's admin API. */
    private String seedMeter(String meter) throws Exception {
        return seed("/meters", meter);
    }

    /** An item seeded through the stub's admin API (Vayu's API creates no meter and no invoice), its id returned. */
    private String seed(String path, String item) throws Exception {
        HttpResponse<String> seeded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stubUrl + "/__admin/resources?vendor=vayu&path=" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(item)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, seeded.statusCode(), seeded::body);
        String id = mapper.readTree(seeded.body()).path("id").asText();
        assertTrue(id.matches("[0-9a-fA-F]{24}"), seeded::body);
        return id;
    }

    private static String event(String name, String alias, String ref) {
        return "{\"name\":\"" + name + "\",\"timestamp\":\"2026-12-03T10:00:00.000Z\",\"customerAlias\":\"" + alias
                + "\",\"ref\":\"" + ref + "\",\"data\":{}}";
    }

    private Object api(String tag) throws Exception {
        return loader.loadClass("dev.contractkit.vayu.client.api." + tag + "Api").getConstructor(client.getClass()).newInstance(client);
    }

    private JsonNode tree(Object model) {
        return mapper.valueToTree(model);
    }

    /** The status of the ApiException the call throws. */
    private static int status(org.junit.jupiter.api.function.Executable call) throws Exception {
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, call);
        return (int) thrown.getCause().getClass().getMethod("getCode").invoke(thrown.getCause());
    }

    /**
     * Calls the operation: the given strings first (the required path and query values; one the client types as an
     * enum converted to it), the body as its model type.
     */
    private Object call(Object api, String operation, String body, String... values) throws Exception {
        Method method = Stream.of(api.getClass().getMethods()).filter(m -> m.getName().equals(operation)).findFirst()
                .orElseThrow(() -> new AssertionError("the client has no " + operation));
        Object[] args = new Object[method.getParameterCount()];
        int given = 0;
        for (int i = 0; i < args.length; i++) {
            Class<?> type = method.getParameterTypes()[i];
            if (body != null && type.getName().contains(".model.")) {
                args[i] = mapper.readValue(body, type);
            } else if (given < values.length && type == String.class) {
                args[i] = values[given++];
            } else if (given < values.length && type.isEnum()) {
                args[i] = mapper.convertValue(values[given++], type);
            }
        }
        return method.invoke(api, args);
    }
}
