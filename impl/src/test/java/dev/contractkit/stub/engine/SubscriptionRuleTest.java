package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.support.AnswerJudge;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.error.SpecErrorFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "subscribes" rule on a fixture of its own (hooks.yaml: alerts, boards; names no vendor's): a subscribing
 * POST keeps its body, one per callback and events, answered as the operation documents, and the kept ones are
 * what the admin API lists. Each request goes the pipeline's way (schemas, then the engine, a refusal in the
 * fixture's documented error shape); every answer is judged against its documented schema.
 */
class SubscriptionRuleTest {

    private EngineFixture fixture;
    private ErrorFormat errors;

    @BeforeEach
    void hooks() {
        fixture = EngineFixture.of("hooks");
        errors = new SpecErrorFormat(fixture.spec);
    }

    @Test
    void theRuleMakesASubscribeWhereItsFieldsAreTheBodysAndNothingElse() {
        assertEquals(Behaviour.Kind.SUBSCRIBE, fixture.kind("subscribeAlerts"));
        assertEquals(Behaviour.Kind.SUBSCRIBE, fixture.kind("watchBoard"));
        assertEquals(Behaviour.Kind.SYNTHESIZED, fixture.kind("ping"), "its callback field is none of the body's");
        assertTrue(fixture.model.behaviours().get("ping").reason().contains("subscribes"), fixture.model.behaviours().get("ping")::reason);
    }

    @Test
    void aSubscriptionIsKeptAndAnsweredAndTheSameCallbackAndEventsAgainIsTheSameOne() {
        JsonNode first = answer("subscribeAlerts", "/alerts/subscribe", "{\"url\":\"http://127.0.0.1:9/a\",\"topics\":[\"fire\"],\"secret\":\"s1\"}", 201);
        assertFalse(first.path("id").asText().isEmpty(), first::toString);
        assertEquals("http://127.0.0.1:9/a", first.path("url").asText());
        JsonNode again = answer("subscribeAlerts", "/alerts/subscribe", "{\"url\":\"http://127.0.0.1:9/a\",\"topics\":[\"fire\"],\"secret\":\"s2\"}", 201);
        assertEquals(first.path("id"), again.path("id"), "a retried subscribe is the same subscription");
        JsonNode other = answer("subscribeAlerts", "/alerts/subscribe", "{\"url\":\"http://127.0.0.1:9/a\",\"topics\":[\"fire\",\"flood\"]}", 201);
        assertFalse(first.path("id").equals(other.path("id")), "other events, another subscription");

        List<Subscriptions.Kept> kept = Subscriptions.all(fixture.model, fixture.store);
        assertEquals(2, kept.size(), kept::toString);
        assertEquals("subscribeAlerts", kept.get(0).operationId());
        assertEquals("/alerts/subscribe", kept.get(0).path());
        assertEquals(first.path("id").asText(), kept.get(0).id());
        assertEquals("http://127.0.0.1:9/a", kept.get(0).callback());
        assertEquals(List.of("fire"), kept.get(0).events());
        assertEquals("s2", kept.get(0).item().path("secret").asText(), "the later body kept");
        assertEquals(List.of("fire", "flood"), kept.get(1).events());
    }

    @Test
    void anOperationDocumentingNoBodyAnswersNoneAndKeepsItsSubscriptionPerPathParameters() {
        Engine.Answer watched = fixture.request("POST", "/boards/b1/watch", "{\"hook\":\"http://127.0.0.1:9/w\",\"topic\":\"moved\"}", errors);
        assertEquals(204, watched.status());
        assertNull(watched.body());
        fixture.request("POST", "/boards/b2/watch", "{\"hook\":\"http://127.0.0.1:9/w\",\"topic\":\"moved\"}", errors);
        List<Subscriptions.Kept> kept = Subscriptions.all(fixture.model, fixture.store);
        assertEquals(List.of("b1", "b2"), kept.stream().map(Subscriptions.Kept::scope).toList(), "a board's apart from another's");
        assertEquals(List.of("moved"), kept.get(0).events(), "one event named by a string");
    }

    @Test
    void aSubscriptionWithoutItsCallbackOrOfAnEventTheSchemaRefusesIsA400AndKeepsNothing() {
        answer("subscribeAlerts", "/alerts/subscribe", "{\"topics\":[\"fire\"]}", 400);
        answer("subscribeAlerts", "/alerts/subscribe", "{\"url\":\"http://127.0.0.1:9/a\",\"topics\":[\"hail\"]}", 400);
        Engine.Answer noHook = fixture.request("POST", "/boards/b1/watch", "{\"topic\":\"moved\"}", errors);
        assertEquals(400, noHook.status(), noHook.body()::toString);
        assertTrue(noHook.body().toString().contains("hook"), noHook.body()::toString);
        assertEquals(400, fixture.request("POST", "/boards/b1/watch", null, errors).status(), "no body at all");
        assertEquals(List.of(), Subscriptions.all(fixture.model, fixture.store));
    }

    @Test
    void eachSynthesizedOperationSaysWhichEvidenceItLacks() {
        assertReason("readClock", "GET with no collection at or above this path, and no x-contract-kit rule");
        assertReason("countTallies", "POST on the collection /tallies whose body shares no field with its item");
        assertReason("replaceNotes", "PUT on the collection /notes itself");
        assertReason("touchNote", "POST on an item of /notes");
        assertReason("pinNote", "POST on a sub-path of an item of /notes");
        assertReason("notesByColour", "by-colour is no field of its item");
        assertReason("notesByKind", "GET below the collection /notes but not its item");
        assertReason("ping", "its x-contract-kit rule (subscribes) names nothing this spec has");
        fixture.model.behaviours().forEach((id, behaviour) -> assertEquals(behaviour.kind() == Behaviour.Kind.SYNTHESIZED,
                behaviour.reason() != null, id + " " + behaviour));
    }

    private void assertReason(String operationId, String part) {
        Behaviour behaviour = fixture.model.behaviours().get(operationId);
        assertEquals(Behaviour.Kind.SYNTHESIZED, behaviour.kind(), operationId);
        assertTrue(behaviour.reason().contains(part), () -> operationId + ": " + behaviour.reason());
    }

    /** The answer, of this status, judged against the schema the operation documents for it. */
    private JsonNode answer(String operationId, String path, String body, int status) {
        Engine.Answer answer = fixture.request("POST", path, body, errors);
        assertEquals(status, answer.status(), () -> operationId + " answered " + answer.body());
        assertEquals(operationId, fixture.spec.route("POST", path).operation().id());
        List<String> misfits = AnswerJudge.violations(fixture.spec, operationId, status, answer.body());
        assertEquals(List.of(), misfits, () -> operationId + " answered " + answer.body());
        return answer.body();
    }
}
