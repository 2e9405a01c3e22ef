package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.error.SpecErrorFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger ("ledger"/"appendsTo"), delete-each ("deletesEach") and dry-run ("dryRun") rules on a fixture of
 * their own (batches.yaml: wallets and points, parcels), whose names are no vendor's. Each request goes the
 * pipeline's way (checked against its schemas, then the engine, a refusal worded in the fixture's documented
 * error shape), and every answer, refusals too, is judged against the schema its operation documents by the
 * tests' own judge, apart from the validator the stub checks requests with.
 */
class LedgerAndBatchRulesTest {

    private EngineFixture fixture;
    private ErrorFormat errors;
    private String wallet;

    @BeforeEach
    void aWallet() {
        fixture = EngineFixture.of("batches");
        errors = new SpecErrorFormat(fixture.spec);
        wallet = answer("openWallet", "POST", "/wallets", "{\"owner\":\"Ada\"}", 201).path("id").asText();
    }

    @Test
    void theRulesMakeTheirOperationsKinds() {
        assertEquals(Behaviour.Kind.APPEND, fixture.kind("addPoints"));
        assertEquals(Behaviour.Kind.APPEND, fixture.kind("spendPoints"));
        assertEquals(Behaviour.Kind.LEDGER, fixture.kind("listPoints"));
        assertEquals(Behaviour.Kind.DELETE_EACH, fixture.kind("recallParcels"));
        assertEquals(Behaviour.Kind.DRY_RUN, fixture.kind("rehearseParcels"));
        assertEquals(Behaviour.Kind.CREATE_EACH, fixture.kind("shipParcels"));
    }

    @Test
    void eachMoveAppendsAnEntryWithTheRunningBalanceReadBackPageByPage() {
        JsonNode added = answer("addPoints", "POST", "/points/add", move(wallet, 10), 200);
        assertEquals(10, added.path("delta").asDouble());
        assertEquals(10, added.path("total").asDouble());
        assertEquals("add", added.path("kind").asText());
        answer("addPoints", "POST", "/points/add", move(wallet, 5), 200);
        answer("spendPoints", "POST", "/points/spend", move(wallet, 3), 204);

        List<JsonNode> entries = entries(wallet);
        assertEquals(List.of(10.0, 15.0, 12.0), entries.stream().map(e -> e.path("total").asDouble()).toList());
        assertEquals("{\"total\":10}", "{\"total\":" + entries.get(0).get("total") + "}", "a whole number written as one");
        assertEquals(List.of("add", "add", "spend"), entries.stream().map(e -> e.path("kind").asText()).toList());
        assertEquals(3, entries.get(2).path("delta").asDouble(), "the amount moved, as sent; its kind says which way");
        assertEquals(3, entries.stream().map(e -> e.path("id").asText()).distinct().count(), "each entry its own id");
    }

    @Test
    void aSpendPastTheBalanceIsRefusedNamingTheAmountAndChangesNothing() {
        answer("addPoints", "POST", "/points/add", move(wallet, 10), 200);
        JsonNode refused = answer("spendPoints", "POST", "/points/spend", move(wallet, 10.5), 400);
        assertTrue(refused.path("message").asText().contains("points"), refused::toString);
        assertEquals(List.of(10.0), entries(wallet).stream().map(e -> e.path("total").asDouble()).toList());
        answer("spendPoints", "POST", "/points/spend", move(wallet, 10), 204);
        assertEquals(0, entries(wallet).get(1).path("total").asDouble(), "down to the floor, not past it");
    }

    @Test
    void aWalletNoOneOpenedIsA404AndAMoveOfNoNumberA400() {
        answer("addPoints", "POST", "/points/add", move("w-nobody", 1), 404);
        answer("listPoints", "GET", "/points?wallet=w-nobody", null, 404);
        answer("addPoints", "POST", "/points/add", "{\"wallet\":\"" + wallet + "\",\"points\":\"ten\"}", 400);
        answer("addPoints", "POST", "/points/add", "{\"points\":1}", 400);
        answer("addPoints", "POST", "/points/add", null, 400); // the fixture's body is optional, the rule needs one
        assertEquals(List.of(), entries(wallet), "nothing appended");
    }

    @Test
    void aRecallDeletesTheParcelsItNamesAnswersThemAndSkipsUnknownCodes() {
        ship("p-a", "p-b", "p-c");
        JsonNode recalled = answer("recallParcels", "POST", "/parcels/recall", "{\"codes\":[\"p-a\",\"p-c\",\"p-zz\"]}", 200)
                .path("recalled");
        assertEquals(List.of("p-a", "p-c"), codes(recalled), "what was deleted; the unknown code skipped");
        assertEquals(2.0, recalled.get(0).path("weight").asDouble(), "the deleted parcel as it was stored");
        answer("getParcel", "GET", "/parcels/p-a", null, 404);
        answer("getParcel", "GET", "/parcels/p-c", null, 404);
        assertEquals("p-b", answer("getParcel", "GET", "/parcels/p-b", null, 200).path("code").asText());
        assertEquals(List.of(), codes(answer("recallParcels", "POST", "/parcels/recall", "{\"codes\":[\"p-a\"]}", 200)
                .path("recalled")), "a retry deletes nothing more and is not refused");
    }

    @Test
    void aRehearsalIsAnsweredAsTheShipmentWouldBeAndStoresNothing() {
        JsonNode shipped = ship("p-real").get(0);
        JsonNode results = answer("rehearseParcels", "POST", "/parcels/rehearse",
                "{\"parcels\":[{\"code\":\"p-x\",\"weight\":2},{\"code\":\"p-y\",\"weight\":3}]}", 200).path("results");
        assertEquals(List.of("p-x", "p-y"), codes(results.findValues("parcel")));
        for (JsonNode result : results) {
            JsonNode parcel = result.path("parcel");
            assertEquals(fields(shipped), fields(parcel), "the fields the real create gives: " + parcel);
        }
        answer("getParcel", "GET", "/parcels/p-x", null, 404);
        assertEquals(List.of("p-real"), codes(answer("listParcels", "GET", "/parcels", null, 200).path("parcels")));
    }

    @Test
    void invalidBodiesAreRefusedWith400AndChangeNothing() {
        ship("p-a");
        for (String body : List.of("{}", "{\"codes\":\"p-a\"}", "{\"codes\":[1]}")) {
            answer("recallParcels", "POST", "/parcels/recall", body, 400);
        }
        for (String body : List.of("{\"parcels\":[{\"code\":\"p-x\"}]}", "{\"parcels\":[{\"code\":\"p-x\",\"weight\":\"heavy\"}]}")) {
            answer("rehearseParcels", "POST", "/parcels/rehearse", body, 400);
        }
        answer("rehearseParcels", "POST", "/parcels/rehearse", null, 400);
        assertEquals(List.of("p-a"), codes(answer("listParcels", "GET", "/parcels", null, 200).path("parcels")));
    }

    private JsonNode ship(String... codes) {
        List<String> parcels = new ArrayList<>();
        for (String code : codes) {
            parcels.add("{\"code\":\"" + code + "\",\"weight\":2}");
        }
        JsonNode shipped = answer("shipParcels", "POST", "/parcels", "{\"parcels\":[" + String.join(",", parcels) + "]}", 200)
                .path("shipped");
        assertEquals(codes.length, shipped.size(), shipped::toString);
        return shipped;
    }

    /** Every entry of the wallet, page after page as the list hands out its next page's token. */
    private List<JsonNode> entries(String of) {
        List<JsonNode> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = answer("listPoints", "GET", "/points?wallet=" + of + (token == null ? "" : "&pageToken=" + token), null, 200);
            assertTrue(page.path("items").size() <= 2, "a page is at most the declared default size: " + page);
            page.path("items").forEach(all::add);
            token = page.path("nextPageToken").isTextual() ? page.get("nextPageToken").asText() : null;
            assertTrue(++pages < 10, "the pages end");
        } while (token != null);
        return all;
    }

    private static String move(String of, double points) {
        return "{\"wallet\":\"" + of + "\",\"points\":" + points + "}";
    }

    private static List<String> codes(Iterable<JsonNode> parcels) {
        List<String> codes = new ArrayList<>();
        parcels.forEach(p -> codes.add(p.path("code").asText()));
        return codes;
    }

    private static List<String> fields(JsonNode item) {
        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }

    private JsonNode answer(String operationId, String method, String path, String body, int status) {
        return fixture.judged(operationId, method, path, body, status, errors);
    }
}
