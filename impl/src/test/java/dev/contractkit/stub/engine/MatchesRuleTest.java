package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.support.AnswerJudge;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.error.SpecErrorFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "matches" rule beside "dryRun" on a fixture of its own (rehearsals.yaml: dials, pulses, members; names no
 * vendor's, every part of the meter read from the rule's pointers): a trial run tells, for each pulse, the dials
 * that take it with the reading that pulse alone gives and its group, and the member whose tags or code hold its
 * account. Requests go the pipeline's way; every answer is judged against the schema its operation documents.
 */
class MatchesRuleTest {

    private EngineFixture fixture;
    private ErrorFormat errors;
    private String ada;

    @BeforeEach
    void dialsAndAMember() {
        fixture = EngineFixture.of("rehearsals");
        errors = new SpecErrorFormat(fixture.spec);
        ada = answer("enrolMember", "POST", "/members", "{\"name\":\"Ada\",\"code\":\"ADA-1\",\"tags\":[\"ada-home\",\"ada-work\"]}", 201)
                .path("id").asText();
        dial("d1", "{\"label\":\"beats\",\"listensTo\":\"beat\",\"calc\":{\"how\":\"count\"}}");
        dial("d2", "{\"label\":\"weight\",\"listensTo\":\"beat\",\"calc\":{\"how\":\"sum\",\"over\":\"weight\",\"groupBy\":\"zone\"}}");
        dial("d3", "{\"label\":\"north only\",\"listensTo\":\"beat\",\"calc\":{\"how\":\"max\",\"over\":\"weight\"},"
                + "\"only\":{\"either\":[{\"both\":[{\"path\":\"zone\",\"test\":\"equals\",\"against\":\"north\"}]}]}}");
        dial("d4", "{\"label\":\"other kind\",\"listensTo\":\"blink\",\"calc\":{\"how\":\"count\"}}");
    }

    @Test
    void theTrialIsADryRun() {
        assertEquals(Behaviour.Kind.DRY_RUN, fixture.kind("trialPulses"));
    }

    @Test
    void eachPulseIsToldTheDialsTakingItWithItsOwnReadingAndGroup() {
        JsonNode trials = trial(pulse("ada-work", "north", 7), pulse("ADA-1", "south", 2.5));
        assertEquals(Map.of("d1", 1.0, "d2", 7.0, "d3", 7.0), readings(trials.get(0)), "the blink dial takes no beat");
        assertEquals(Map.of("d1", 1.0, "d2", 2.5), readings(trials.get(1)), "the north-only dial leaves a south pulse out");
        JsonNode grouped = dialOf(trials.get(0), "d2");
        assertEquals("north", grouped.path("group").asText(), grouped::toString);
        assertTrue(dialOf(trials.get(0), "d1").path("group").isNull(), "a dial with no group key has a null group");
        assertEquals("weight", grouped.path("label").asText(), "the dial as stored, with its reading");
    }

    @Test
    void eachPulseIsToldTheMemberHoldingItsAccountInATagOrTheCodeElseNull() {
        JsonNode trials = trial(pulse("ada-home", "north", 1), pulse("ADA-1", "north", 1), pulse("nobody", "north", 1));
        assertEquals(ada, trials.at("/0/member").asText(), "a tag holds it");
        assertEquals(ada, trials.at("/1/member").asText(), "the code holds it");
        assertTrue(trials.at("/2/member").isNull(), () -> "no member holds it: " + trials);
    }

    @Test
    void aTrialStoresNoPulseAndChangesNoDial() {
        JsonNode trials = trial(pulse("ada-home", "north", 4));
        String id = trials.at("/0/pulse/id").asText();
        assertEquals(404, fixture.request("GET", "/pulses/" + id, null, errors).status());
        assertEquals(0, answer("listPulses", "GET", "/pulses", null, 200).path("pulses").size());
        assertTrue(answer("getDial", "GET", "/dials/d2", null, 200).path("reading").isMissingNode(), "the stored dial has no reading");
    }

    @Test
    void withNoDialStoredEachPulseIsToldNone() {
        fixture.store.inScope("/dials", "", false, s -> {
            for (String d : List.of("d1", "d2", "d3", "d4")) {
                s.remove(d);
            }
            return null;
        });
        JsonNode trials = trial(pulse("ada-home", "north", 4));
        assertEquals(0, trials.at("/0/dials").size(), trials::toString);
        assertEquals(ada, trials.at("/0/member").asText());
    }

    private JsonNode trial(String... pulses) {
        JsonNode trials = answer("trialPulses", "POST", "/pulses/trial", "{\"pulses\":[" + String.join(",", pulses) + "]}", 200)
                .path("trials");
        assertEquals(pulses.length, trials.size(), trials::toString);
        return trials;
    }

    private static String pulse(String account, String zone, double weight) {
        return "{\"kind\":\"beat\",\"account\":\"" + account + "\",\"at\":\"2026-12-03T10:00:00Z\",\"props\":{\"zone\":\"" + zone
                + "\",\"weight\":" + weight + "}}";
    }

    private static Map<String, Double> readings(JsonNode trial) {
        Map<String, Double> readings = new TreeMap<>();
        trial.path("dials").forEach(d -> readings.put(d.path("id").asText(), d.path("reading").asDouble()));
        return readings;
    }

    private static JsonNode dialOf(JsonNode trial, String id) {
        List<JsonNode> found = new ArrayList<>();
        trial.path("dials").forEach(d -> {
            if (d.path("id").asText().equals(id)) {
                found.add(d);
            }
        });
        assertEquals(1, found.size(), trial::toString);
        return found.get(0);
    }

    private void dial(String id, String body) {
        answer("putDial", "PUT", "/dials/" + id, body, 201);
    }

    /** The answer, of this status, judged against the schema the operation documents for it. */
    private JsonNode answer(String operationId, String method, String path, String body, int status) {
        Engine.Answer answer = fixture.request(method, path, body, errors);
        assertEquals(status, answer.status(), () -> operationId + " answered " + answer.body());
        assertEquals(operationId, fixture.spec.route(method, path.split("\\?")[0]).operation().id());
        List<String> misfits = AnswerJudge.violations(fixture.spec, operationId, status, answer.body());
        assertEquals(List.of(), misfits, () -> operationId + " answered " + answer.body());
        return answer.body();
    }
}
