package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.contractkit.contract.SpecDefect.Check;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples keep the specs, and the specs have examples for all they document (as stripe-mock checks its
 * fixtures). The checks themselves are {@link SpecDefectFinder}'s: here each becomes a test, failing for a
 * file of ours, skipped with its reason for the vendor's own file (and listed in its defect report).
 */
class SpecChecksTest {

    @TestFactory
    Stream<DynamicTest> everySpecIsFreeOfDefectsOrReportsThem() {
        return VendorSpecs.names().stream().map(vendor -> dynamicTest(VendorSpecs.fileName(vendor) + " [defects]", () -> {
            SpecDefects defects = SpecDefects.of(vendor);
            assertTrue(defects.ours().isEmpty(), () -> defects.logLine() + defects.listing(defects.ours()));
            assumeTrue(defects.vendors().isEmpty(), defects::logLine);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedAnswerFitsItsSchema() {
        return ContractExamples.all().stream().map(e -> dynamicTest(e.testName("answer fits schema"),
                () -> SpecDefects.of(e.vendor()).guard(e.key(), Check.ANSWER_SCHEMA)));
    }

    /** A request is valid unless its example documents the 400 it gets. */
    @TestFactory
    Stream<DynamicTest> everyRequestFitsItsSchemaUnlessItDocumentsA400() {
        return ContractExamples.all().stream().filter(e -> !e.documentsBadRequest() && !e.jsonBody().isMissingNode())
                .map(e -> dynamicTest(e.testName("request fits schema"),
                        () -> SpecDefects.of(e.vendor()).guard(e.key(), Check.REQUEST_SCHEMA)));
    }

    /**
     * Examples are opt-in by operation: one with none (most of a vendor's whole file) is still tested, by the
     * requests EveryOperation*Test derive from the spec; one that has examples must have them all.
     */
    @TestFactory
    Stream<DynamicTest> everyDocumentedStatusOfAnExemplifiedOperationHasAnExample() {
        return VendorOperation.all()
                .filter(o -> ContractExamples.of(o.vendor()).stream().anyMatch(e -> e.operationKey().equals(o.id())))
                .map(o -> dynamicTest(o.testName("documented statuses"),
                        () -> SpecDefects.of(o.vendor()).guard(o.id(), Check.STATUS_EXAMPLES)));
    }
}
