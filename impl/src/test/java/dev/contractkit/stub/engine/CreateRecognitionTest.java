package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A POST on a collection is a create when what it answers is the item, whatever its body or name (billing.yaml). */
class CreateRecognitionTest {

    private final EngineFixture fixture = EngineFixture.of("billing");

    @Test
    void aPostAnsweringTheItemCreatesThoughItsBodySharesNoFieldWithIt() {
        assertEquals(Behaviour.Kind.CREATE, fixture.kind("createAccount"));
        Engine.Answer created = fixture.send("POST", "/accounts", "{\"displayName\":\"Acme\"}");
        assertEquals(201, created.status());
        String id = created.body().path("id").asText();
        assertEquals(id, fixture.send("GET", "/accounts/" + id, null).body().path("id").asText());
    }

    @Test
    void aBodyMadeOfAllOfPartsSharesTheirFieldsWithTheItem() {
        assertEquals(Behaviour.Kind.CREATE, fixture.kind("createCredit"));
        JsonNode credit = fixture.send("POST", "/credits", "{\"amount\":12.5}").body().path("credit");
        assertEquals(12.5, credit.path("amount").asDouble());
        assertEquals(credit, fixture.send("GET", "/credits/" + credit.path("id").asText(), null).body().path("credit"));
    }

    @Test
    void aPostWhoseBodyAndAnswerAreNotTheItemStaysSynthesized() {
        assertEquals(Behaviour.Kind.SYNTHESIZED, fixture.kind("sendEvents"));
    }
}
