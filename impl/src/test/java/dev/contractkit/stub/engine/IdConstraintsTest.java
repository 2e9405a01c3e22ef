package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** New ids fit every constraint of the id's schema, and no two items of a collection share one. */
class IdConstraintsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createdIdsFitTheirPatternAndMaxLengthAndDiffer() {
        EngineFixture fixture = EngineFixture.of("billing");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String id = fixture.send("POST", "/accounts", "{\"displayName\":\"a" + i + "\"}").body().path("id").asText();
            assertTrue(id.matches("^acc_[a-z0-9]+$") && id.length() <= 20, id);
            ids.add(id);
        }
        assertEquals(50, ids.size());
    }

    @Test
    void integerIdsAreNumbersInTheItemAndDigitsInThePath() {
        EngineFixture fixture = EngineFixture.of("billing");
        JsonNode first = fixture.send("POST", "/credits", "{\"amount\":1}").body().path("credit").path("id");
        JsonNode second = fixture.send("POST", "/credits", "{\"amount\":2}").body().path("credit").path("id");
        assertTrue(first.isIntegralNumber() && second.isIntegralNumber(), first + " " + second);
        assertTrue(first.asLong() != second.asLong());
        assertEquals(2, fixture.send("GET", "/credits/" + second.asLong(), null).body().path("credit").path("amount").asInt());
    }

    @Test
    void everyKindOfConstraintIsMet() throws Exception {
        for (String schema : new String[] {
                "{\"type\":\"string\",\"maxLength\":8}",
                "{\"type\":\"string\",\"minLength\":30}",
                "{\"type\":\"string\",\"minLength\":3,\"maxLength\":3}",
                "{\"type\":\"string\",\"pattern\":\"^[A-Z]{2}-[0-9]{4}$\"}",
                "{\"type\":\"string\",\"pattern\":\"^cus_[A-Za-z0-9]{14}$\",\"maxLength\":18}",
                "{\"type\":\"string\",\"pattern\":\"^[0-9a-f]{24}$\"}",
                "{\"type\":\"string\",\"format\":\"uuid\"}",
                "{\"type\":\"integer\",\"minimum\":1000,\"maximum\":1005}",
                "{\"type\":\"string\",\"enum\":[\"eu\",\"us\"]}"}) {
            JsonNode node = JSON.readTree(schema);
            Pattern pattern = node.has("pattern") ? Pattern.compile(node.get("pattern").asText()) : null;
            Set<String> seen = new HashSet<>();
            for (int n = 0; n < 2; n++) {
                long start = n;
                String id = Ids.fresh(node, () -> start, seen::contains);
                seen.add(id);
                assertTrue(Ids.fits(id, pattern, node), schema + " got " + id);
                if ("uuid".equals(node.path("format").asText())) {
                    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
                }
                if (node.has("minimum")) {
                    assertTrue(Long.parseLong(id) >= 1000 && Long.parseLong(id) <= 1005, id);
                }
                if (node.has("enum")) {
                    assertTrue(id.equals("eu") || id.equals("us"), id);
                }
            }
            assertEquals(2, seen.size(), schema + " handed out one id twice: " + seen);
        }
        assertEquals(24, Ids.fresh(JSON.readTree("{\"type\":\"string\"}")).length(), "unconstrained ids stay Vayu-like");
    }
}
