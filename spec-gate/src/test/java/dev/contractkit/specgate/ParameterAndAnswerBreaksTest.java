package dev.contractkit.specgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/spec-changes.md's other breaks: a removed parameter, a new required one, and an enum widened in an answer (a
 * client's generated enum cannot read the new value). Each starts from the test's own Layer fixture with a list
 * operation added (never from the user's specs/, which a user reformats or edits), and edits its YAML tree, so
 * no line of any file's formatting is assumed. The wording is checked loosely, by the names a reader needs.
 */
class ParameterAndAnswerBreaksTest {

    static final String LIST_CUSTOMERS = "GET /v1/businesses/{business_id}/customers";
    private static final String FIXTURE = "layer.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the fixture lacks: a list with query parameters, one an enum, answering Customer objects. */
    private static final String LIST_OPERATION = """
            get:
              operationId: listCustomers
              parameters:
                - name: business_id
                  in: path
                  required: true
                  schema: {type: string, format: uuid}
                - name: name_contains
                  in: query
                  schema: {type: string}
                - name: sort_by
                  in: query
                  schema: {type: string}
                - name: sort_order
                  in: query
                  schema:
                    type: string
                    enum: [ASC, DESC]
              responses:
                '200':
                  description: A page of customers.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data:
                            type: array
                            items:
                              $ref: '#/components/schemas/Customer'
            """;

    @TempDir
    Path dir;

    private SpecEdits edits;

    @BeforeEach
    void setUp() {
        edits = new SpecEdits(dir);
    }

    @Test
    void aRemovedParameterFailsNamingIt() throws IOException {
        List<String> breaks = gate(root -> parameters(root).remove(indexOf(parameters(root), "name_contains")));

        assertBreak(breaks, LIST_CUSTOMERS, "name_contains", "removed");
    }

    @Test
    void aNewRequiredParameterFailsNamingIt() throws IOException {
        List<String> breaks = gate(root -> region(root).put("required", true));

        assertBreak(breaks, LIST_CUSTOMERS, "region", "required");
    }

    @Test
    void aNewOptionalParameterPasses() throws IOException {
        assertEquals(List.of(), gate(ParameterAndAnswerBreaksTest::region));
    }

    @Test
    void anEnumWidenedInAnAnswerFailsNamingTheValue() throws IOException {
        List<String> breaks = gate(root -> ((ArrayNode) root.at("/components/schemas/Customer/properties/status/enum")).add("DELETED"));

        assertBreak(breaks, "response 200", "status", "DELETED");
    }

    @Test
    void anEnumWidenedInARequestOnlyPasses() throws IOException {
        assertEquals(List.of(), gate(root -> ((ArrayNode) parameters(root).get(indexOf(parameters(root), "sort_order"))
                .at("/schema/enum")).add("RANDOM")));
    }

    /** The gate's breaks after EDIT, the baseline being the fixture with the list operation added. */
    private List<String> gate(Consumer<ObjectNode> edit) throws IOException {
        return edits.tree(FIXTURE, ParameterAndAnswerBreaksTest::withList, edit).breaks();
    }

    private static void withList(ObjectNode root) {
        try {
            ((ObjectNode) root.get("paths")).putObject("/v1/businesses/{business_id}/customers")
                    .setAll((ObjectNode) YAML.readTree(LIST_OPERATION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode parameters(ObjectNode root) {
        return (ArrayNode) root.get("paths").get("/v1/businesses/{business_id}/customers").at("/get/parameters");
    }

    /** A query parameter region added before sort_by, optional until a test says otherwise. */
    private static ObjectNode region(ObjectNode root) {
        ObjectNode region = YAML.createObjectNode().put("name", "region").put("in", "query");
        region.putObject("schema").put("type", "string");
        parameters(root).insert(indexOf(parameters(root), "sort_by"), region);
        return region;
    }

    private static int indexOf(ArrayNode parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (name.equals(parameters.get(i).path("name").asText())) {
                return i;
            }
        }
        throw new IllegalStateException("no parameter " + name + " in the fixture's list operation");
    }

    /** Some break names every one of these words. */
    private static void assertBreak(List<String> breaks, String... words) {
        assertTrue(breaks.stream().anyMatch(b -> List.of(words).stream().allMatch(b::contains)),
                () -> "no break names " + List.of(words) + ": " + breaks);
    }
}
