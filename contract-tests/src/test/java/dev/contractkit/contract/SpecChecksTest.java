package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.contractkit.stub.error.Violation;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The examples keep the specs, and the specs have examples for all they document (as stripe-mock checks its fixtures). */
class SpecChecksTest {

    @TestFactory
    Stream<DynamicTest> everyDocumentedAnswerFitsItsSchema() {
        return ContractExamples.all().stream().map(e -> DynamicTest.dynamicTest(e.testName("answer fits schema"), () -> {
            assumeTrue(e.hasResponseSchema(), () -> e.id() + ": the spec gives " + e.status() + " no schema");
            List<Violation> misfits = RequestValidator.check(
                    e.spec().schemaAt(e.spec().resolvedPointer(e.responseSchemaPointer())), e.responseBody(), "body");
            assertTrue(misfits.isEmpty(), () -> e.id() + ": documented answer does not fit its schema: " + misfits);
        }));
    }

    /** A request is valid unless its example documents the 400 it gets. */
    @TestFactory
    Stream<DynamicTest> everyRequestFitsItsSchemaUnlessItDocumentsA400() {
        return ContractExamples.all().stream().filter(e -> e.status() != 400 && !e.jsonBody().isMissingNode())
                .map(e -> DynamicTest.dynamicTest(e.testName("request fits schema"), () -> {
                    List<Violation> misfits = new ArrayList<>(RequestValidator.check(e.operation().bodySchema(),
                            e.jsonBody(), "body"));
                    e.operation().pathParamSchemas().forEach((name, schema) -> misfits.addAll(RequestValidator.check(
                            schema, com.fasterxml.jackson.databind.node.TextNode.valueOf(e.pathParams().get(name)), name)));
                    assertTrue(misfits.isEmpty(), () -> e.id() + ": request does not fit the spec: " + misfits);
                }));
    }

    /**
     * Examples are opt-in by operation: one with none (most of a vendor's whole file) is still tested, by the
     * requests EveryOperation*Test derive from the spec; one that has examples must have them all.
     */
    @TestFactory
    Stream<DynamicTest> everyDocumentedStatusOfAnExemplifiedOperationHasAnExample() {
        return VendorOperation.all().filter(o -> examplesOf(o).findAny().isPresent()).map(o -> DynamicTest.dynamicTest(o.vendor().prefix() + "/" + o.operation().id()
                + " [documented statuses]", () -> {
            Set<String> documented = new TreeSet<>();
            o.spec().document().at(ContractExamples.operationPointer(o.operation()) + "/responses")
                    .fieldNames().forEachRemaining(documented::add);
            Set<String> exemplified = examplesOf(o).map(e -> String.valueOf(e.status())).collect(Collectors.toSet());
            documented.removeAll(exemplified);
            assertTrue(documented.isEmpty(), () -> o.vendor().prefix() + "/" + o.operation().id()
                    + ": documented statuses without an example: " + documented);
            assertTrue(exemplified.stream().anyMatch(s -> s.startsWith("2")),
                    () -> o.vendor().prefix() + "/" + o.operation().id() + " has no success example");
        }));
    }

    private static Stream<ContractExample> examplesOf(VendorOperation o) {
        return ContractExamples.all().stream()
                .filter(e -> e.vendor() == o.vendor() && e.operation().id().equals(o.operation().id()));
    }

}
