package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.refusal.StubException;
import org.junit.jupiter.api.Test;

/** Answers built from an item fit each operation's own answer schema (billing.yaml). */
class AnswerShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EngineFixture fixture = EngineFixture.of("billing");

    @Test
    void aDeleteDocumentedAsSuccessAnswersExactlyThat() throws Exception {
        String id = account();
        Engine.Answer deleted = fixture.send("DELETE", "/accounts/" + id, null);
        assertEquals(JSON.readTree("{\"success\":true}"), deleted.body());
        assertThrows(StubException.class, () -> fixture.send("GET", "/accounts/" + id, null), "the delete removed it");
    }

    @Test
    void aDeleteDocumentedWithNoBodyAnswersNone() {
        String id = fixture.send("POST", "/credits", "{\"amount\":3}").body().path("credit").path("id").asText();
        Engine.Answer deleted = fixture.send("DELETE", "/credits/" + id, null);
        assertEquals(204, deleted.status());
        assertNull(deleted.body());
    }

    @Test
    void aDeleteAnsweringAboutTheItemTakesWhatItHoldsAndSaysDeleted() {
        Seeder seeder = new Seeder(fixture.spec, fixture.model);
        Seeder.Placed placed = seeder.place("/events", JSON.createObjectNode().put("name", "api_call"));
        String id = placed.item().path("id").asText();
        fixture.store.inScope(placed.collection().template(), placed.scope(), true,
                s -> s.put(id, placed.item(), placed.collection().uniqueFields(), placed.collection().noun()));
        JsonNode deleted = fixture.send("DELETE", "/events/" + id, null).body();
        assertEquals(id, deleted.path("id").asText());
        assertEquals("event", deleted.path("object").asText());
        assertTrue(deleted.path("deleted").asBoolean(), deleted.toString());
        assertFalse(deleted.has("name"), "Deleted declares no name: " + deleted);
    }

    /** Clerk's case: the item keeps its id as app_id, the delete's receipt names it id. */
    @Test
    void aDeleteReceiptsIdIsTheItemsIdWhateverTheItemCallsIt() {
        EngineFixture renamed = EngineFixture.of("renamed-id");
        String id = renamed.send("POST", "/apps", "{\"name\":\"A\"}").body().path("app_id").asText();

        JsonNode deleted = renamed.send("DELETE", "/apps/" + id, null).body();

        assertEquals(id, deleted.path("id").asText(), deleted::toString);
        assertTrue(deleted.path("deleted").asBoolean(), deleted.toString());
    }

    @Test
    void aClosedAnswerSchemaGetsNoMemberItDoesNotDeclare() {
        String id = account();
        JsonNode renamed = fixture.send("PATCH", "/accounts/" + id, "{\"name\":\"Acme 2\"}").body();
        assertEquals("Acme 2", renamed.path("name").asText());
        assertFalse(renamed.has("updatedAt"), "AccountView has additionalProperties false and no updatedAt: " + renamed);
        assertTrue(fixture.send("GET", "/accounts/" + id, null).body().has("updatedAt"), "the item keeps it");
    }

    private String account() {
        return fixture.send("POST", "/accounts", "{\"displayName\":\"Acme\"}").body().path("id").asText();
    }
}
