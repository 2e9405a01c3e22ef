package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credits, delete by refs and the dry run on Vayu's whole published file, with specs/vayu.overlay.yaml applied
 * as the stub applies it: each request goes the pipeline's way (checked against its schemas, then the engine,
 * a refusal in Vayu's error format), and every answer is judged against the schema Vayu documents for it by
 * the tests' own judge, apart from the stub's validator.
 */
class VayuLedgerAndBatchesTest {


    @TempDir
    Path specs;

    private EngineFixture vayu;
    private ErrorFormat errors;
    private String customer;

    @BeforeEach
    void vayusWholeFileAndACustomer() throws Exception {
        vayu = EngineFixture.vayusWholeFile(specs);
        errors = Vendor.VAYU.errors();
        customer = answer("createCustomer", "POST", "/customers", "{\"name\":\"Acme\",\"aliases\":[\"acme-eu\"]}", 200)
                .at("/customer/id").asText();
    }

    @Test
    void theOperationsAreServedByTheirRules() {
        assertEquals(Behaviour.Kind.APPEND, vayu.kind("grantCredits"));
        assertEquals(Behaviour.Kind.APPEND, vayu.kind("deductCredits"));
        assertEquals(Behaviour.Kind.LEDGER, vayu.kind("listCreditLedgerEntries"));
        assertEquals(Behaviour.Kind.DELETE_EACH, vayu.kind("deleteEventsByRefs"));
        assertEquals(Behaviour.Kind.DRY_RUN, vayu.kind("sendEventsDryRun"));
        assertEquals(Behaviour.Kind.SUBSCRIBE, vayu.kind("webhookSubscribe"));
    }

    @Test
    void aWebhookSubscriptionIsKeptOncePerCallbackAndEventTypeAndAnsweredWithNoBody() {
        String overage = "{\"callbackUrl\":\"https://hooks.example.test/vayu\",\"eventType\":\"Overage\"}";
        assertTrue(answer("webhookSubscribe", "POST", "/webhook", overage, 200).isMissingNode(), "RequestSuccess documents no body");
        answer("webhookSubscribe", "POST", "/webhook", overage, 200);
        answer("webhookSubscribe", "POST", "/webhook", overage.replace("Overage", "InvoiceApproved"), 200);
        List<Subscriptions.Kept> kept = vayu.engine.subscriptions();
        assertEquals(List.of(List.of("Overage"), List.of("InvoiceApproved")), kept.stream().map(Subscriptions.Kept::events).toList(),
                "the same callback and event type again kept once: " + kept);
        assertEquals("https://hooks.example.test/vayu", kept.get(0).callback());
        assertEquals("webhookSubscribe", kept.get(0).operationId());
        answer("webhookSubscribe", "POST", "/webhook", overage.replace("Overage", "Underage"), 400);
        answer("webhookSubscribe", "POST", "/webhook", "{\"eventType\":\"Overage\"}", 400);
        assertEquals(2, vayu.engine.subscriptions().size(), "refused ones keep nothing");
    }

    @Test
    void aGrantAndADeductAreTheLedgersEntriesTheSecondWithTheBalanceLeft() {
        answer("grantCredits", "POST", "/credits/grant", credits(100), 200);
        answer("deductCredits", "POST", "/credits/deduct", credits(30), 200);
        JsonNode entries = answer("listCreditLedgerEntries", "GET", "/credits?customerId=" + customer, null, 200).path("entries");
        assertEquals(2, entries.size(), entries::toString);
        assertEquals("Grant", entries.get(0).path("type").asText());
        assertEquals(100, entries.get(0).path("balanceAfterEntry").asDouble());
        assertEquals("Deduct", entries.get(1).path("type").asText());
        assertEquals(30, entries.get(1).path("amount").asDouble());
        assertEquals(70, entries.get(1).path("balanceAfterEntry").asDouble());
        assertTrue(entries.toString().contains("\"balanceAfterEntry\":70"), () -> "a whole number written as one: " + entries);
        assertEquals(1, answer("listCreditLedgerEntries", "GET", "/credits?customerId=" + customer + "&limit=1", null, 200)
                .path("entries").size(), "the list's limit is a page size");
    }

    @Test
    void aDeductPastTheBalanceIsAVayu400NamingCreditAmountAndChangesNothing() {
        answer("grantCredits", "POST", "/credits/grant", credits(20), 200);
        JsonNode refused = answer("deductCredits", "POST", "/credits/deduct", credits(30), 400);
        assertEquals("invalid_request_error", refused.path("type").asText(), refused::toString);
        assertTrue(refused.toString().contains("creditAmount"), refused::toString);
        JsonNode entries = answer("listCreditLedgerEntries", "GET", "/credits?customerId=" + customer, null, 200).path("entries");
        assertEquals(1, entries.size(), "the refused deduct left no entry: " + entries);
    }

    @Test
    void creditsOfACustomerNoOneCreatedAreA404() {
        String nobody = "0123456789abcdef01234567";
        answer("grantCredits", "POST", "/credits/grant", "{\"creditAmount\":5,\"customerId\":\"" + nobody + "\"}", 404);
        answer("listCreditLedgerEntries", "GET", "/credits?customerId=" + nobody, null, 404);
    }

    @Test
    void twoOfThreeEventsDeletedByRefAreGoneAndTheThirdIsReadBack() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refs.add(UUID.randomUUID().toString());
        }
        JsonNode sent = answer("sendEvents", "POST", "/events", "{\"events\":[" + event(refs.get(0)) + "," + event(refs.get(1)) + ","
                + event(refs.get(2)) + "]}", 200);
        assertEquals(3, sent.path("validEvents").size(), sent::toString);
        JsonNode deleted = answer("deleteEventsByRefs", "POST", "/events/delete-by-refs",
                "{\"refs\":[\"" + refs.get(0) + "\",\"" + refs.get(2) + "\",\"no-such-ref\"]}", 200).path("events");
        assertEquals(List.of(refs.get(0), refs.get(2)), List.of(deleted.get(0).path("ref").asText(), deleted.get(1).path("ref").asText()));
        assertEquals(2, deleted.size(), "the unknown ref skipped: " + deleted);
        answer("getEventByRefId", "GET", "/events/" + refs.get(0), null, 404);
        answer("getEventByRefId", "GET", "/events/" + refs.get(2), null, 404);
        assertEquals(refs.get(1), answer("getEventByRefId", "GET", "/events/" + refs.get(1), null, 200).at("/event/ref").asText());
    }

    @Test
    void aDryRunEventIsAnsweredAndNotStored() {
        String ref = UUID.randomUUID().toString();
        JsonNode answered = answer("sendEventsDryRun", "POST", "/events/dry-run", "{\"events\":[" + event(ref) + "]}", 200).path("events");
        assertEquals(1, answered.size(), answered::toString);
        assertEquals(ref, answered.at("/0/event/ref").asText());
        assertEquals("acme-eu", answered.at("/0/event/customerAlias").asText());
        answer("getEventByRefId", "GET", "/events/" + ref, null, 404);
    }

    @Test
    void aDryRunTellsTheMetersMeasuringEachEventWithItsValueAndTheCustomerItIsOf() throws Exception {
        String sum = meter("{\"name\":\"Tokens\",\"eventName\":\"api_call\",\"aggregationMethod\":{\"operator\":\"Sum\",\"field\":\"tokens\"}}");
        String count = meter("{\"name\":\"Calls\",\"eventName\":\"api_call\",\"aggregationMethod\":{\"operator\":\"Count\"}}");
        meter("{\"name\":\"Views\",\"eventName\":\"page_view\",\"aggregationMethod\":{\"operator\":\"Count\"}}");
        String stray = event(UUID.randomUUID().toString()).replace("acme-eu", "nobody-holds-this");
        JsonNode answered = answer("sendEventsDryRun", "POST", "/events/dry-run",
                "{\"events\":[" + event(UUID.randomUUID().toString()) + "," + stray + "]}", 200).path("events");
        JsonNode meters = answered.at("/0/meterWithValues");
        assertEquals(2, meters.size(), () -> "the two api_call meters, not the page_view one: " + meters);
        for (JsonNode meter : meters) {
            String id = meter.path("id").asText();
            assertEquals(id.equals(sum) ? 3 : 1, meter.path("value").asDouble(), meter::toString);
            assertTrue(id.equals(sum) || id.equals(count), meter::toString);
        }
        assertEquals(customer, answered.at("/0/matchedCustomer").asText(), "the customer holding the alias");
        assertTrue(answered.at("/1/matchedCustomer").isNull(), () -> "no customer holds the alias: " + answered);
    }

    @Test
    void bodiesTheSchemasRefuseAre400sAndChangeNothing() {
        String ref = UUID.randomUUID().toString();
        answer("sendEvents", "POST", "/events", "{\"events\":[" + event(ref) + "]}", 200);
        answer("deleteEventsByRefs", "POST", "/events/delete-by-refs", "{\"refs\":[]}", 400);
        answer("deleteEventsByRefs", "POST", "/events/delete-by-refs", "{\"refs\":\"" + ref + "\"}", 400);
        answer("sendEventsDryRun", "POST", "/events/dry-run", "{\"events\":[{\"name\":\"api_call\"}]}", 400);
        answer("grantCredits", "POST", "/credits/grant", "{\"creditAmount\":\"lots\",\"customerId\":\"" + customer + "\"}", 400);
        answer("getEventByRefId", "GET", "/events/" + ref, null, 200);
        assertEquals(0, answer("listCreditLedgerEntries", "GET", "/credits?customerId=" + customer, null, 200).path("entries").size());
    }

    /** A meter seeded as loaded data is (Vayu's API creates none), its id returned. */
    private String meter(String json) throws Exception {
        Seeder.Placed placed = new Seeder(vayu.spec, vayu.model).place("/meters", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        com.fasterxml.jackson.databind.node.ObjectNode item = placed.item();
        String id = item.path("id").asText();
        vayu.store.inScope("/meters", "", true, s -> s.put(id, item, List.of(), "Meter"));
        return id;
    }

    private String credits(double amount) {
        return "{\"creditAmount\":" + amount + ",\"customerId\":\"" + customer + "\"}";
    }

    private static String event(String ref) {
        return "{\"name\":\"api_call\",\"timestamp\":\"2026-12-03T10:00:00.000Z\",\"customerAlias\":\"acme-eu\",\"ref\":\"" + ref
                + "\",\"data\":{\"tokens\":3}}";
    }

    private JsonNode answer(String operationId, String method, String path, String body, int status) {
        return vayu.judged(operationId, method, path, body, status, errors);
    }
}
