package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.RequestValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage from events on Vayu's whole published file, with specs/vayu.overlay.yaml applied as the stub applies
 * it: a meter seeded (the API has no create), events sent through sendEvents, and each consumption answer
 * read back and checked against its schema by the project's validator.
 */
class VayuUsageFromEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path specs;

    private EngineFixture vayu;
    private String customer;

    @BeforeEach
    void vayusWholeFileAndACustomerWithAnAlias() throws Exception {
        vayu = EngineFixture.vayusWholeFile(specs);
        customer = vayu.send("POST", "/customers", "{\"name\":\"Acme\",\"aliases\":[\"acme-eu\"],\"externalId\":\"acme-1\"}")
                .body().at("/customer/id").asText();
    }

    @Test
    void theConsumptionOperationsAreServedFromEvents() {
        for (String id : List.of("getCustomerProductsConsumptions", "getCustomerProductsConsumptionsByAlias", "getProductConsumption")) {
            assertEquals(Behaviour.Kind.USAGE, vayu.kind(id), id);
        }
    }

    @Test
    void aMeterCountingApiCallsReadsTheNumberOfTheCustomersEventsSent() throws Exception {
        String meter = meter("{\"name\":\"API calls\",\"eventName\":\"api_call\",\"aggregationMethod\":{\"operator\":\"Count\"}}");
        assertEquals(0, consumed(consumptions(), meter), "nothing sent yet");
        sendEvents(event("api_call", "acme-eu", "{}"), event("api_call", "acme-eu", "{}"), event("api_call", "acme-1", "{}"),
                event("api_call", "globex", "{}"), event("page_view", "acme-eu", "{}"));
        JsonNode consumption = consumption(consumptions(), meter);
        assertEquals(3, consumption.path("consumedAmount").asDouble(), "by alias and by external id; not another's, not another name");
        assertEquals("API calls", consumption.path("productName").asText());
        assertEquals(3, consumed(answer("getCustomerProductsConsumptionsByAlias", "/customers/products-consumptions/alias/acme-eu"), meter));
        assertEquals(4, answer("getProductConsumption", "/product-consumption/" + meter).at("/productConsumption/consumedAmount").asDouble(),
                "a product's consumption counts every customer's events");
    }

    @Test
    void aMeterSummingAFieldOfTheEventsDataAddsItUp() throws Exception {
        String meter = meter("{\"name\":\"Compute\",\"eventName\":\"api_call\",\"aggregationMethod\":{\"operator\":\"Sum\",\"field\":\"duration\"}}");
        sendEvents(event("api_call", "acme-eu", "{\"duration\":120}"), event("api_call", "acme-eu", "{\"duration\":30.5}"),
                event("api_call", "acme-eu", "{\"region\":\"eu\"}"));
        assertEquals(150.5, consumed(consumptions(), meter));
    }

    @Test
    void aFilterLeavesOutTheEventsItsConditionsDoNotKeep() throws Exception {
        String meter = meter("{\"name\":\"EU calls\",\"eventName\":\"api_call\",\"aggregationMethod\":{\"operator\":\"Count\"}}");
        sendEvents(event("api_call", "acme-eu", "{\"region\":\"eu\"}"), event("api_call", "acme-eu", "{\"region\":\"us\"}"),
                event("api_call", "acme-eu", "{\"region\":\"us\",\"plan\":\"enterprise\"}"), event("api_call", "acme-eu", "{}"));
        assertEquals(4, consumed(consumptions(), meter));
        JsonNode updated = vayu.send("PUT", "/meters/" + meter, "{\"filter\":{\"conditions\":["
                + "{\"criterions\":[{\"field\":\"region\",\"operator\":\"Equals\",\"value\":\"eu\"}]},"
                + "{\"criterions\":[{\"field\":\"region\",\"operator\":\"Equals\",\"value\":\"us\"},"
                + "{\"field\":\"plan\",\"operator\":\"Exists\",\"value\":\"any\"}]}]}}").body();
        assertTrue(updated.at("/meter/filter").isObject(), "updateMeter keeps the filter: " + updated);
        assertEquals(2, consumed(consumptions(), meter), "eu, or us with a plan; the plain us and the regionless left out");
    }

    @Test
    void everyOperatorOfVayusEnumsIsOneTheStubKnows() {
        JsonNode schemas = vayu.spec.document().path("components").path("schemas");
        schemas.at("/AggregationOperator/enum").forEach(o -> assertTrue(Aggregation.knows(o.asText()), o.asText()));
        schemas.at("/CriterionOperator/enum").forEach(o -> assertTrue(Criterion.knows(o.asText()), o.asText()));
        assertTrue(schemas.at("/CriterionOperator/enum").size() > 5, "the enums were read");
    }

    /** A meter seeded as loaded data is (completed and checked by the Seeder), its id returned. */
    private String meter(String json) throws Exception {
        Seeder.Placed placed = new Seeder(vayu.spec, vayu.model).place("/meters", JSON.readTree(json));
        ObjectNode item = placed.item();
        String id = item.path("id").asText();
        vayu.store.inScope("/meters", "", true, s -> s.put(id, item, List.of(), "Meter"));
        return id;
    }

    private static String event(String name, String alias, String data) {
        return "{\"name\":\"" + name + "\",\"timestamp\":\"2026-12-03T10:00:00.000Z\",\"customerAlias\":\"" + alias
                + "\",\"ref\":\"" + java.util.UUID.randomUUID() + "\",\"data\":" + data + "}";
    }

    private void sendEvents(String... events) {
        JsonNode answer = vayu.send("POST", "/events", "{\"events\":[" + String.join(",", events) + "]}").body();
        assertEquals(events.length, answer.path("validEvents").size(), answer::toString);
    }

    private JsonNode consumptions() {
        return answer("getCustomerProductsConsumptions", "/customers/products-consumptions/" + customer);
    }

    /** The operation's 200 answer, checked against its schema by the project's validator. */
    private JsonNode answer(String operationId, String path) {
        Engine.Answer answer = vayu.send("GET", path, null);
        assertEquals(200, answer.status());
        Operation operation = vayu.spec.operations().stream().filter(o -> o.id().equals(operationId)).findFirst().orElseThrow();
        String pointer = vayu.spec.resolvedPointer(operation.pointer() + "/responses/200") + "/content/application~1json/schema";
        List<Violation> misfits = RequestValidator.check(vayu.spec.schemaAt(pointer), answer.body(), "answer");
        assertEquals(List.of(), misfits, operationId + " answered " + answer.body());
        return answer.body();
    }

    private static JsonNode consumption(JsonNode answer, String meter) {
        for (JsonNode consumption : answer.path("productsConsumptions")) {
            if (consumption.path("productId").asText().equals(meter)) {
                return consumption;
            }
        }
        throw new AssertionError("no consumption of product " + meter + " in " + answer);
    }

    private static double consumed(JsonNode answer, String meter) {
        return consumption(answer, meter).path("consumedAmount").asDouble();
    }
}
