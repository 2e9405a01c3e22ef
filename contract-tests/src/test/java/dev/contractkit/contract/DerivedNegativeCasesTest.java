package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.contract.NegativeCases.NegativeRequest;
import dev.contractkit.contract.SpecDefect.Check;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.junit.StubServerTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Negative cases derived from the schema, for every vendor's spec (see {@link NegativeCases}): each sent to
 * a running stub, which must answer 400 fitting the spec's 400 schema and naming that field, and only that
 * field. What a vendor's format words beyond that is its own test's (VayuNegativeCasesTest, …).
 */
@StubServerTest
class DerivedNegativeCasesTest {

    private static StubServer stub;

    @BeforeAll
    static void start(StubServer server) {
        stub = server;
    }

    @TestFactory
    Stream<DynamicTest> eachConstraintBrokenAloneIsRefusedNamingItsField() {
        return VendorSpecs.names().stream()
                .flatMap(vendor -> NegativeCases.of(vendor).stream())
                .map(request -> dynamicTest(request.name(), () -> assertRefused(request)));
    }

    private static void assertRefused(NegativeRequest request) throws Exception {
        if (request.broken().problem() != null) {
            if (request.broken().problem().endsWith(ConstraintTypes.UNENFORCED)) { // the spec's defect: reported
                SpecDefects.of(request.vendor()).guard(request.vendor() + "/" + request.operation().id(),
                        Check.NEGATIVE_CASES);
            }
            fail(request.broken().problem());
        }
        HttpResponse<String> answer = NegativeCases.send(stub, request);
        String exchange = request.exchange(answer);
        assertEquals(400, answer.statusCode(), exchange);
        JsonNode error = SpecDocument.JSON.readTree(answer.body());
        com.networknt.schema.Schema schema = errorSchema(request);
        if (schema != null) { // a vendor's file may document its 400 without a body schema
            assertEquals(List.of(), schema.validate(error).stream().map(Object::toString).toList(),
                    "the answer fits the spec's 400 schema: " + exchange);
        }
        List<String> named = ErrorFields.named(error);
        String field = request.broken().field();
        if (named.isEmpty()) { // a format with no field of its own must say it in its words
            assertTrue(ErrorFields.mentioned(error, field), "the answer names " + field + ": " + exchange);
        } else {
            assertEquals(List.of(field), named, "the one field that failed: " + exchange);
        }
    }

    /** The schema of the answer the operation documents for a 400 (its 400, 4XX or default), or null when none. */
    private static com.networknt.schema.Schema errorSchema(NegativeRequest request) {
        String key = ResponseKeys.keyFor(400, ResponseKeys.of(request.spec(), request.operation()));
        if (key == null) {
            return null;
        }
        String at = request.spec().resolvedPointer(request.operation().pointer() + "/responses/" + key)
                + "/content/application~1json/schema";
        return request.spec().document().at(at).isMissingNode() ? null : request.spec().schemaAt(at);
    }
}
