package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import org.junit.jupiter.api.Test;

/** A create never replaces an item: a client-given id that is taken is a 409, unless the collection upserts on it. */
class TakenIdTest {

    private final EngineFixture fixture = EngineFixture.of("billing");

    @Test
    void aCreateWithATakenIdIsAConflictThatChangesNothing() {
        assertEquals(201, fixture.send("POST", "/customers", "{\"id\":\"c1\",\"name\":\"first\"}").status());
        StubException conflict = assertThrows(StubException.class,
                () -> fixture.send("POST", "/customers", "{\"id\":\"c1\",\"name\":\"second\"}"));
        assertEquals(ErrorKind.CONFLICT, conflict.kind());
        assertEquals("first", fixture.send("GET", "/customers/c1", null).body().path("name").asText());
    }

    @Test
    void anUpsertOnTheIdUpdatesTheItemInstead() {
        assertEquals(201, fixture.send("POST", "/members", "{\"id\":\"m1\",\"name\":\"first\"}").status());
        assertEquals(200, fixture.send("POST", "/members", "{\"id\":\"m1\",\"name\":\"second\"}").status());
        assertEquals("second", fixture.send("GET", "/members/m1", null).body().path("name").asText());
    }
}
