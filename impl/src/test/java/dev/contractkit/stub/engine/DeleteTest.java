package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A DELETE served by the engine removes the item (deletable.yaml): it answers the item as it was, and then a read
 * of it is a 404, the list no longer holds it and a second delete is a 404; the others stay. Neither packaged spec
 * has a DELETE, so nothing else in impl serves one.
 */
class DeleteTest {

    private final EngineFixture fixture = EngineFixture.of("deletable");

    @Test
    void aDeletedItemIsGoneFromReadsAndLists() {
        List<String> ids = new ArrayList<>();
        for (String text : List.of("first", "second", "third")) {
            ids.add(fixture.send("POST", "/notes", "{\"text\":\"" + text + "\"}").body().path("id").asText());
        }

        Engine.Answer deleted = fixture.send("DELETE", "/notes/" + ids.get(1), null);

        assertEquals(200, deleted.status());
        assertEquals("second", deleted.body().path("text").asText(), "the item as it was: " + deleted.body());
        assertNotFound(() -> fixture.send("GET", "/notes/" + ids.get(1), null));
        assertEquals(List.of(ids.get(0), ids.get(2)), listed());
        assertEquals("third", fixture.send("GET", "/notes/" + ids.get(2), null).body().path("text").asText());
    }

    @Test
    void aSecondDeleteOfTheSameItemIsA404() {
        String id = fixture.send("POST", "/notes", "{\"text\":\"once\"}").body().path("id").asText();
        fixture.send("DELETE", "/notes/" + id, null);

        assertNotFound(() -> fixture.send("DELETE", "/notes/" + id, null));
        assertEquals(List.of(), listed());
    }

    private List<String> listed() {
        List<String> ids = new ArrayList<>();
        fixture.send("GET", "/notes", null).body().path("notes").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static void assertNotFound(org.junit.jupiter.api.function.Executable call) {
        StubException miss = assertThrows(StubException.class, call);
        assertEquals(ErrorKind.NOT_FOUND, miss.kind(), miss.getMessage());
        assertEquals(404, miss.kind().status());
    }
}
