package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.contract.SpecDefect.Check;
import dev.contractkit.contract.SpecDefect.Kind;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The defect report, run on a fixture spec with one defect of each kind (written here, in a folder of its
 * own): a vendor's file gets each listed and its tests skipped; the same text marked as ours fails them.
 */
class SpecDefectsTest {

    /** Named after a vendor of specs/ so a generated client exists for it, which has no API for "Fixture things". */
    private static final String NAME = VendorSpecs.names().get(0);

    private static final String SPEC = """
            openapi: 3.0.3
            info:
              title: Fixture
              version: 1.0.0
            %s
            tags:
              - name: Fixture things
            paths:
              /things:
                post:
                  operationId: createThing
                  tags: [Fixture things]
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Thing'}
                        examples:
                          created: {value: {id: 1}}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                          examples:
                            created: {value: {id: a1}}
                    '4XX':
                      description: refused
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Error'}
                          examples:
                            refused: {value: {message: refused}}
                    default:
                      description: any other
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Error'}
                          example: {message: 1}
              /things/{id}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                get:
                  operationId: getThing
                  tags: [Fixture things]
                  responses:
                    '200':
                      description: found
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                          examples:
                            wrong-answer: {value: {id: 7}}
                    '409':
                      description: no schema
                      content:
                        application/json:
                          examples:
                            unschemed: {value: {message: taken}}
                delete:
                  tags: [Fixture things]
                  responses:
                    '200':
                      description: deleted, body undocumented
            components:
              schemas:
                Thing:
                  type: object
                  additionalProperties: false
                  required: [id]
                  properties:
                    id: {type: string}
                    name: {type: string, maximum: 100}
                Error:
                  type: object
                  required: [message]
                  properties:
                    message: {type: string}
                    code: {type: integer, example: E1}
            """;

    /** An example of ours beside the spec, for a status the operation does not document: our mistake. */
    private static final String TEAPOT = """
            {"request": {"pathParams": {"id": "a1"}}, "response": {"status": 418, "body": {"message": "teapot"}}}
            """;
    /** One of ours for a status the vendor documents without a schema: the vendor's omission. */
    private static final String TAKEN = """
            {"request": {"pathParams": {"id": "a1"}}, "response": {"status": 409, "body": {"message": "taken"}}}
            """;

    @TempDir
    Path specs;

    @Test
    void aVendorsFileHasEachDefectListedOnceAndItsTestsSkippedNamingIt() throws Exception {
        SpecDefects defects = find("");
        String unnamed = NAME + "/" + unnamed();

        Map<Kind, List<String>> found = defects.all().stream().collect(Collectors.groupingBy(SpecDefect::kind,
                TreeMap::new, Collectors.mapping(SpecDefect::subject, Collectors.toList())));
        assertEquals(Map.of(
                Kind.ANSWER_MISFIT, List.of(NAME + "/getThing/wrong-answer"),
                Kind.REQUEST_MISFIT, List.of(NAME + "/createThing/created"),
                Kind.UNDOCUMENTED_STATUS, List.of(NAME + "/getThing/teapot"),
                Kind.ANSWER_WITHOUT_SCHEMA, List.of(NAME + "/getThing/unschemed", NAME + "/getThing/taken"),
                Kind.STATUS_WITHOUT_EXAMPLE, List.of(NAME + "/createThing"),
                Kind.CLIENT_CANNOT_CALL, List.of(NAME + "/createThing", NAME + "/getThing", unnamed),
                Kind.SUCCESS_WITHOUT_SCHEMA, List.of(unnamed),
                Kind.NO_OPERATION_ID, List.of(unnamed),
                Kind.MISAPPLIED_CONSTRAINT, List.of(NAME + "/createThing"),
                Kind.EXAMPLE_MISFIT, List.of(NAME + "#/paths/~1things/post/responses/default/content/application~1json/example",
                        NAME + "#/components/schemas/Error/properties/code/example")), found);
        String report = Files.readString(defects.report());
        for (SpecDefect defect : defects.all()) {
            assertTrue(report.contains("- `" + defect.subject() + "` (" + defect.where() + "): " + defect.detail()),
                    () -> defect + " in\n" + report);
            assertTrue(report.contains("### " + defect.kind().heading()), report);
        }
        assertTrue(report.contains("does not fit: id: integer found, string expected"), () -> "by its field: " + report);
        assertEquals(List.of(NAME + "/getThing/teapot"), defects.ours().stream().map(SpecDefect::subject).toList(),
                "an example of ours beside the vendor's file stays strict");
        assertEquals("[contract-tests] " + NAME + ".yaml: 13 defects in the vendor's file, not tested; 1 defect in our "
                + "files beside it, failing (" + defects.report() + ")", defects.logLine());

        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> defects.guard(NAME + "/getThing/wrong-answer", Check.PROVIDER));
        assertTrue(skipped.getMessage().contains("does not fit") && skipped.getMessage().contains(defects.report()
                .toString()), skipped::getMessage);
        assertThrows(AssertionFailedError.class, () -> defects.guard(NAME + "/getThing/teapot", Check.PROVIDER));
        assertTrue(report.contains("/components/schemas/Thing/properties/name): maximum does not apply to a string"),
                () -> "by the schema it stands on: " + report);
    }

    @Test
    void aDefectStopsOnlyTheChecksItWouldFail() throws Exception {
        SpecDefects defects = find("");

        defects.guard(NAME + "/getThing/unschemed", Check.PROVIDER); // only its schema cannot be checked
        defects.guard(NAME + "/createThing/created", Check.ANSWER_SCHEMA); // its answer fits; its request does not
        defects.guard(NAME + "/createThing/refused", Check.CONSUMER); // a 4XX example is no defect
        assertThrows(TestAbortedException.class, () -> defects.guard(NAME + "/createThing", Check.CONSUMER));
        defects.guard(NAME + "/createThing", Check.PROVIDER);
        // a constraint that constrains nothing stops the negative cases derived from that request, and only them
        assertThrows(TestAbortedException.class, () -> defects.guard(NAME + "/createThing", Check.NEGATIVE_CASES));
        defects.guard(NAME + "/getThing", Check.NEGATIVE_CASES);
    }

    @Test
    void ourOwnSpecWithTheSameDefectsFailsTheirTests() throws Exception {
        SpecDefects defects = find("x-contract-kit: {authored: true}");

        assertEquals(14, defects.ours().size(), () -> defects.listing(defects.all()));
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> defects.guard(NAME + "/getThing/wrong-answer", Check.ANSWER_SCHEMA));
        assertTrue(failure.getMessage().contains("the documented answer does not fit"), failure::getMessage);
        assertThrows(AssertionFailedError.class, () -> defects.guard(NAME + "/" + unnamed(), Check.CONSUMER));
        assertTrue(defects.logLine().contains(": 14 defects in our own spec, failing"), defects.logLine());
        assertTrue(Files.readString(defects.report()).contains("## In our spec: failing (14)"));
    }

    /** The name the stub gives the operation without an operationId (the generator's, or method and path). */
    private String unnamed() {
        return OpenApiSpec.load(specs, NAME).operations().stream().filter(o -> o.method().equals("delete"))
                .findFirst().orElseThrow().id();
    }

    /** The fixture as NAME.yaml (its info extended by infoLine), its example file beside it, and its defects. */
    private SpecDefects find(String infoLine) throws Exception {
        Files.writeString(specs.resolve(NAME + ".yaml"), SPEC.formatted(infoLine.isEmpty() ? "" : "  " + infoLine));
        Path teapot = specs.resolve("examples").resolve(NAME).resolve("getThing").resolve("teapot.json");
        Files.createDirectories(teapot.getParent());
        Files.writeString(teapot, TEAPOT);
        Files.writeString(teapot.resolveSibling("taken.json"), TAKEN);
        OpenApiSpec spec = OpenApiSpec.load(specs, NAME);
        return SpecDefects.find(NAME, spec, ContractExamples.read(specs, NAME, spec), VendorSpecs.authored(spec),
                specs.resolve("reports"));
    }
}
