package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A vendor's examples that do not fit their own schemas are never answered, and a list answer that holds
 * its items beside a pagination object is filled as its schema says (misfit-examples.yaml).
 */
class MisfitExamplesTest {

    private final EngineFixture fixture = EngineFixture.of("misfit-examples");

    @Test
    void aSynthesizedAnswerIsBuiltFromTheSchemaWhereTheExampleIsJsonTextInAString() {
        JsonNode users = fixture.send("GET", "/ProjectsUsers", null).body();
        assertTrue(users.isObject(), "not the example's string: " + users);
        assertFits("/paths/~1ProjectsUsers/get/responses/200/content/application~1json/schema", users);
    }

    @Test
    void aRequiredFieldIsFilledWithAValueOfItsFormatWhereItsExampleBreaksIt() {
        JsonNode created = fixture.send("POST", "/Projects", "{\"name\":\"New Kitchen\"}").body();
        assertFits("/components/schemas/Project", created);
        assertEquals(36, created.path("ownerId").asText().length(), "a UUID, not the example one group short: " + created);
    }

    @Test
    void aListHoldsItsItemsInItsArrayBesideThePaginationObject() {
        String id = fixture.send("POST", "/Projects", "{\"name\":\"New Kitchen\"}").body().path("projectId").asText();
        JsonNode page = fixture.send("GET", "/Projects?page=1&pageSize=10", null).body();
        assertFits("/components/schemas/Projects", page);
        assertEquals(id, page.path("items").path(0).path("projectId").asText(), page.toString());
        assertEquals(1, page.path("pagination").path("page").asInt(), page.toString());
        assertEquals(10, page.path("pagination").path("pageSize").asInt(), page.toString());
        assertEquals(1, page.path("pagination").path("itemCount").asInt(), "the count of items: " + page);
    }

    @Test
    void aSampleTakesTheSchemasExampleOnlyWhereItFits() {
        JsonNode project = Samples.of(fixture.spec).of(fixture.spec.document().at("/components/schemas/Project"));
        assertFits("/components/schemas/Project", project);
        assertTrue(!project.path("deadlineUtc").asText().equals("next week"), "not the example, no date-time: " + project);
    }

    private void assertFits(String schemaPointer, JsonNode value) {
        List<Violation> violations = RequestValidator.check(fixture.spec.schemaAt(schemaPointer), value, "answer");
        assertEquals(List.of(), violations, value.toString());
    }
}
