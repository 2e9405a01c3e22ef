package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.engine.Behaviour;
import dev.contractkit.stub.engine.Collection;
import dev.contractkit.stub.junit.StubServerExtension;
import dev.contractkit.stub.spec.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Names that carry one value (x-contract-kit aliases: Layer's notes, and memo, which Layer's own web client
 * reads and writes): every answer of every operation of such a collection carries all of them, equal; a
 * write through either name is read back through both; both sent different is a 400 naming them.
 */
class AliasedFieldsAcceptanceTest {

    private static final String BUSINESS = DefaultData.LAYER_BUSINESS_ID;
    private static final String CUSTOMERS = "/v1/businesses/" + BUSINESS + "/customers";
    private static final String JANE = DefaultData.LAYER_CUSTOMER_ID;

    @RegisterExtension
    static StubServerExtension stub = StubServerExtension.newInstance().build();

    @TestFactory
    Stream<DynamicTest> everyAnswerOfAnAliasedCollectionCarriesEveryNameEqual() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Vendor vendor : Vendor.packaged()) {
            var state = stub.server().state().vendor(vendor);
            for (Operation operation : state.spec().operations()) {
                Behaviour behaviour = state.model().behaviour(operation);
                Collection collection = behaviour.collection();
                if (collection == null || !collection.rules().has("aliases") || behaviour.kind() == Behaviour.Kind.DELETE) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(vendor.prefix() + " " + operation.id(), () -> {
                    String path = operation.pathTemplate().replace("{business_id}", BUSINESS).replace("{customer_id}", JANE);
                    boolean hasBody = operation.hasBody();
                    StubHttp.Answer answer = send(vendor, operation.method(), path,
                            hasBody ? "{\"memo\":\"written as memo by " + operation.id() + "\"}" : null);
                    assertEquals(2, answer.status() / 100, () -> operation.id() + " answered " + answer.body());
                    List<JsonNode> items = items(answer.body());
                    assertFalse(items.isEmpty(), () -> operation.id() + " answered no item: " + answer.body());
                    for (JsonNode item : items) {
                        for (JsonNode group : collection.rules().get("aliases")) {
                            JsonNode first = item.get(group.get(0).asText());
                            for (JsonNode name : group) {
                                assertTrue(item.has(name.asText()), () -> operation.id() + " left out " + name + ": " + item);
                                assertEquals(first, item.get(name.asText()), () -> operation.id() + ": " + item);
                            }
                        }
                    }
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no collection with aliases in the specs");
        return tests.stream();
    }

    @Test
    void aMemoWrittenIsReadBackAsMemoAndNotes() {
        assertEquals(200, send(Vendor.LAYER, "PUT", CUSTOMERS + "/" + JANE, "{\"memo\":\"Prefers e-mail\"}").status());

        JsonNode read = send(Vendor.LAYER, "GET", CUSTOMERS + "/" + JANE, null).body().get("data");

        assertEquals("Prefers e-mail", read.get("memo").asText());
        assertEquals("Prefers e-mail", read.get("notes").asText());
    }

    @Test
    void nullInEitherNameClearsBoth() {
        send(Vendor.LAYER, "PUT", CUSTOMERS + "/" + JANE, "{\"notes\":\"to be cleared\"}");

        JsonNode cleared = send(Vendor.LAYER, "PATCH", CUSTOMERS + "/" + JANE, "{\"memo\":null}").body().get("data");

        assertTrue(cleared.get("memo").isNull() && cleared.get("notes").isNull(), cleared::toString);
    }

    @Test
    void bothNamesSentDifferentAreA400NamingThemAndChangeNothing() {
        JsonNode before = send(Vendor.LAYER, "GET", CUSTOMERS + "/" + JANE, null).body();

        StubHttp.Answer refused = send(Vendor.LAYER, "PUT", CUSTOMERS + "/" + JANE, "{\"notes\":\"a\",\"memo\":\"b\"}");

        assertEquals(400, refused.status());
        String fields = refused.body().findValuesAsText("field").toString();
        assertTrue(fields.contains("notes") || fields.contains("memo"), refused.body()::toString);
        assertTrue(refused.body().toString().contains("notes and memo"), refused.body()::toString);
        assertEquals(before, send(Vendor.LAYER, "GET", CUSTOMERS + "/" + JANE, null).body());
    }

    @Test
    void bothNamesSentEqualAreAccepted() {
        assertEquals(200, send(Vendor.LAYER, "PUT", CUSTOMERS + "/" + JANE, "{\"notes\":\"same\",\"memo\":\"same\"}").status());
    }

    /** The items of an answer: its data object, or each of its data array. */
    private static List<JsonNode> items(JsonNode body) {
        JsonNode data = body.path("data");
        List<JsonNode> items = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(items::add);
        } else if (data.isObject()) {
            items.add(data);
        }
        return items;
    }

    private static StubHttp.Answer send(Vendor vendor, String method, String path, String body) {
        return StubHttp.send(method, stub.url(vendor) + path, body);
    }
}
