package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The usage rule on a fixture of its own (metered.yaml), whose meters and events use none of Vayu's field
 * names: the rule's data, not one vendor's words, says where a meter keeps its parts. Every answer is
 * checked against its schema by the project's validator, apart from the engine that built it.
 */
class UsageFromEventsTest {

    private EngineFixture fixture;
    private String account;

    @BeforeEach
    void anAccountWithAHandle() {
        fixture = EngineFixture.of("metered");
        account = fixture.send("POST", "/accounts", "{\"name\":\"Acme\",\"handles\":[\"acme\"]}").body().path("id").asText();
    }

    @Test
    void theUsageRuleMakesTheOperationsUsageAndANameNoCollectionLeavesItSynthesized() {
        assertEquals(Behaviour.Kind.USAGE, fixture.kind("getAccountUsage"));
        assertEquals(Behaviour.Kind.USAGE, fixture.kind("getUsageByHandle"));
        assertEquals(Behaviour.Kind.USAGE, fixture.kind("readGauge"));
        assertEquals(Behaviour.Kind.SYNTHESIZED, fixture.kind("getUsageOfNoMeters"));
    }

    @Test
    void aCountingGaugeReadsTheNumberOfTheAccountsSignalsOfItsName() {
        gauge("g1", "{\"fn\":\"COUNT\"}", null);
        send(signal("api_call", "acme", 1, "{}"), signal("api_call", "acme", 2, "{}"), signal("api_call", account, 3, "{}"),
                signal("api_call", "someone-else", 4, "{}"), signal("page_view", "acme", 5, "{}"));
        assertEquals(3, used(usage(), "g1"), "two by its handle, one by its id; another account's and another name's left out");
    }

    @Test
    void aSummingGaugeAddsItsFieldOfEachSignalThatHoldsANumber() {
        gauge("g2", "{\"fn\":\"SUM\",\"of\":\"tokens\"}", null);
        send(signal("api_call", "acme", 1, "{\"tokens\":5}"), signal("api_call", "acme", 2, "{\"tokens\":7.5}"),
                signal("api_call", "acme", 3, "{\"tokens\":\"3\"}"), signal("api_call", "acme", 4, "{\"tokens\":\"many\"}"),
                signal("api_call", "acme", 5, "{}"));
        assertEquals(15.5, used(usage(), "g2"));
    }

    @Test
    void aFilterKeepsASignalWhenOneConditionHasAllItsCriteria() {
        gauge("g3", "{\"fn\":\"COUNT\"}", "{\"anyOf\":[{\"allOf\":[{\"key\":\"region\",\"op\":\"eq\",\"is\":\"eu\"}]},"
                + "{\"allOf\":[{\"key\":\"tier\",\"op\":\"In\",\"is\":\"gold, silver\"},{\"key\":\"tokens\",\"op\":\"gt\",\"is\":\"5\"}]}]}");
        send(signal("api_call", "acme", 1, "{\"region\":\"eu\"}"),
                signal("api_call", "acme", 2, "{\"region\":\"us\",\"tier\":\"gold\",\"tokens\":7}"),
                signal("api_call", "acme", 3, "{\"region\":\"us\",\"tier\":\"gold\",\"tokens\":3}"),
                signal("api_call", "acme", 4, "{\"region\":\"us\",\"tier\":\"bronze\",\"tokens\":9}"),
                signal("api_call", "acme", 5, "{\"tier\":\"silver\",\"tokens\":\"6\"}"));
        assertEquals(3, used(usage(), "g3"), "eu; gold over 5; silver over 5 — not gold at 3, not bronze");
    }

    @Test
    void anInstanceKeyMeasuresEachInstanceApartAndAddsThemUp() {
        gauge("g4", "{\"fn\":\"MAX\",\"of\":\"cpu\",\"per\":\"host\"}", null);
        gauge("g5", "{\"fn\":\"LATEST\",\"of\":\"seats\",\"per\":\"team\"}", null);
        gauge("g6", "{\"fn\":\"UNIQUE_COUNT\",\"of\":\"user\"}", null);
        send(signal("api_call", "acme", 1, "{\"host\":\"a\",\"cpu\":2,\"team\":\"x\",\"seats\":4,\"user\":\"u1\"}"),
                signal("api_call", "acme", 5, "{\"host\":\"a\",\"cpu\":5,\"team\":\"x\",\"seats\":1,\"user\":\"u2\"}"),
                signal("api_call", "acme", 3, "{\"host\":\"b\",\"cpu\":3,\"team\":\"x\",\"seats\":9,\"user\":\"u1\"}"),
                signal("api_call", "acme", 2, "{\"host\":\"b\",\"cpu\":1,\"team\":\"y\",\"seats\":2,\"user\":\"u1\"}"));
        JsonNode usage = usage();
        assertEquals(8, used(usage, "g4"), "a's peak 5 and b's 3");
        assertEquals(3, used(usage, "g5"), "x's latest by time (1, sent at minute 5) and y's 2");
        assertEquals(2, used(usage, "g6"));
    }

    @Test
    void theUsageMovesWhenASignalIsDeletedOrTheGaugeChanged() {
        gauge("g1", "{\"fn\":\"COUNT\"}", null);
        JsonNode accepted = send(signal("api_call", "acme", 1, "{}"), signal("api_call", "acme", 2, "{}")).path("accepted");
        assertEquals(2, used(usage(), "g1"));
        fixture.send("DELETE", "/signals/" + accepted.get(0).path("id").asText(), null);
        assertEquals(1, used(usage(), "g1"));
        fixture.send("PUT", "/gauges/g1", "{\"tracks\":\"page_view\"}");
        assertEquals(0, used(usage(), "g1"));
    }

    @Test
    void aHandleNoAccountHoldsReadsItsOwnSignalsAndAnUnknownAccountIsA404() {
        gauge("g1", "{\"fn\":\"COUNT\"}", null);
        send(signal("api_call", "acme", 1, "{}"), signal("api_call", "stray", 2, "{}"), signal("api_call", "stray", 3, "{}"));
        assertEquals(1, used(answer("getUsageByHandle", "GET", "/usage/by-handle/acme"), "g1"));
        assertEquals(2, used(answer("getUsageByHandle", "GET", "/usage/by-handle/stray"), "g1"));
        assertEquals(0, used(answer("getUsageByHandle", "GET", "/usage/by-handle/nobody"), "g1"));
        StubException missing = assertThrows(StubException.class, () -> fixture.send("GET", "/accounts/nobody/usage", null));
        assertEquals(ErrorKind.NOT_FOUND, missing.kind());
    }

    @Test
    void oneGaugesReadingIsAnsweredInItsObjectAndAnUnknownGaugeIsA404() {
        gauge("g1", "{\"fn\":\"COUNT\"}", null);
        send(signal("api_call", "acme", 1, "{}"), signal("api_call", "beta", 2, "{}"));
        JsonNode reading = answer("readGauge", "GET", "/gauges/g1/reading").path("reading");
        assertEquals(2, reading.path("used").asDouble(), "every account's signals: the path names none");
        assertEquals("units", reading.path("unit").asText(), "a required member the rule does not give is filled");
        StubException missing = assertThrows(StubException.class, () -> fixture.send("GET", "/gauges/g9/reading", null));
        assertEquals(ErrorKind.NOT_FOUND, missing.kind());
    }

    private void gauge(String id, String measure, String where) {
        fixture.send("PUT", "/gauges/" + id, "{\"id\":\"" + id + "\",\"label\":\"Gauge " + id + "\",\"tracks\":\"api_call\","
                + "\"measure\":" + measure + (where == null ? "" : ",\"where\":" + where) + "}");
    }

    private static String signal(String kind, String account, int minute, String props) {
        return "{\"kind\":\"" + kind + "\",\"account\":\"" + account + "\",\"at\":\"2026-12-03T10:0" + minute
                + ":00Z\",\"props\":" + props + "}";
    }

    private JsonNode send(String... signals) {
        return fixture.send("POST", "/signals", "{\"signals\":[" + String.join(",", signals) + "]}").body();
    }

    private JsonNode usage() {
        return answer("getAccountUsage", "GET", "/accounts/" + account + "/usage");
    }

    /** The operation's answer, checked against its 200 schema by the project's validator. */
    private JsonNode answer(String operationId, String method, String path) {
        Engine.Answer answer = fixture.send(method, path, null);
        assertEquals(200, answer.status());
        Operation operation = fixture.spec.operations().stream().filter(o -> o.id().equals(operationId)).findFirst().orElseThrow();
        String pointer = fixture.spec.resolvedPointer(operation.pointer() + "/responses/200") + "/content/application~1json/schema";
        List<Violation> misfits = RequestValidator.check(fixture.spec.schemaAt(pointer), answer.body(), "answer");
        assertEquals(List.of(), misfits, operationId + " answered " + answer.body());
        return answer.body();
    }

    private static double used(JsonNode usage, String gauge) {
        for (JsonNode reading : usage.path("readings")) {
            if (reading.path("gauge").asText().equals(gauge)) {
                return reading.path("used").asDouble();
            }
        }
        throw new AssertionError("no reading of " + gauge + " in " + usage);
    }
}
