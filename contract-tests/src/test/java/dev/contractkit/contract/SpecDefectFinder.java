package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.contractkit.contract.SpecDefect.Kind;
import dev.contractkit.stub.spec.Violation;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import dev.contractkit.stub.spec.RequestValidator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds what is wrong in a spec and its examples before any test runs, so each test knows whether it can
 * hold the spec to what it documents: answers and requests that do not fit their schemas, examples of
 * undocumented statuses, operations the generated client cannot call, successes with no schema, request
 * constraints on schemas of a type they do not apply to.
 */
final class SpecDefectFinder {

    /** Statuses whose answer carries no body by HTTP's rules: documenting none is right. */
    private static final Set<String> BODILESS = Set.of("204", "205", "304");

    private final String vendor;
    private final OpenApiSpec spec;
    private final boolean authored;
    private final Function<Operation, String> whyNotCallable;
    private final List<SpecDefect> found = new ArrayList<>();

    /** whyNotCallable: why the generated client cannot call an operation, or null when it can. */
    SpecDefectFinder(String vendor, OpenApiSpec spec, boolean authored, Function<Operation, String> whyNotCallable) {
        this.vendor = vendor;
        this.spec = spec;
        this.authored = authored;
        this.whyNotCallable = whyNotCallable;
    }

    /** The defects of the spec's operations and of these examples of it, in the spec's order. */
    List<SpecDefect> find(List<ContractExample> examples) {
        for (Operation operation : spec.operations()) {
            operation(operation);
            List<ContractExample> ofOperation = examples.stream()
                    .filter(e -> e.operation().pointer().equals(operation.pointer())).toList();
            ofOperation.forEach(this::example);
            statusesWithoutExample(operation, ofOperation);
        }
        for (ExampleValues.Misfit misfit : ExampleValues.misfits(spec)) {
            add(Kind.EXAMPLE_MISFIT, vendor + "#" + misfit.pointer(), VendorSpecs.fileName(vendor),
                    "the example " + words(misfit.violations()), authored);
        }
        return List.copyOf(found);
    }

    private void operation(Operation operation) {
        String subject = vendor + "/" + operation.id();
        String where = where(operation.pointer());
        if (spec.document().at(operation.pointer() + "/operationId").isMissingNode()) {
            add(Kind.NO_OPERATION_ID, subject, where, "named \"" + operation.id() + "\" here", authored);
        }
        for (MisappliedConstraints.Found misapplied : MisappliedConstraints.of(spec, operation)) {
            add(Kind.MISAPPLIED_CONSTRAINT, subject, where(misapplied.pointer()), misapplied.reason(), authored);
        }
        String notCallable = whyNotCallable.apply(operation);
        if (notCallable != null) {
            add(Kind.CLIENT_CANNOT_CALL, subject, where, notCallable, authored);
        }
        for (String key : ResponseKeys.of(spec, operation)) {
            String response = spec.resolvedPointer(operation.pointer() + "/responses/" + key.replace("~", "~0"));
            if (key.startsWith("2") && !BODILESS.contains(key)
                    && spec.document().at(response + "/content/application~1json/schema").isMissingNode()
                    && !otherContentWithSchema(response)) {
                add(Kind.SUCCESS_WITHOUT_SCHEMA, subject, where(response), key + " documents no JSON schema", authored);
            }
        }
    }

    /** A success answered as CSV or PDF, say, with its schema: no JSON to check, and nothing missing. */
    private boolean otherContentWithSchema(String response) {
        JsonNode content = spec.document().at(response + "/content");
        for (var media = content.fields(); media.hasNext(); ) {
            var entry = media.next();
            if (!entry.getKey().contains("json") && entry.getValue().has("schema")) {
                return true;
            }
        }
        return false;
    }

    private void example(ContractExample e) {
        boolean ours = authored || !e.inSpecFile();
        String where = e.source() + ", " + e.responsePointer();
        if (e.responseKey() == null) {
            add(Kind.UNDOCUMENTED_STATUS, e.key(), where, "status " + e.status() + " is none of "
                    + ResponseKeys.of(spec, e.operation()), ours);
        } else if (!e.hasResponseSchema()) { // the schema missing is the spec's doing, not the example's
            add(Kind.ANSWER_WITHOUT_SCHEMA, e.key(), where, "the spec gives " + e.responseKey() + " no JSON schema",
                    authored);
        } else {
            List<Violation> misfits = RequestValidator.check(
                    spec.schemaAt(spec.resolvedPointer(e.responseSchemaPointer())), e.responseBody(), "body");
            if (!misfits.isEmpty()) {
                add(Kind.ANSWER_MISFIT, e.key(), where, "the documented answer " + words(misfits), ours);
            }
        }
        if (!e.documentsBadRequest() && !e.jsonBody().isMissingNode()) {
            List<Violation> misfits = new ArrayList<>();
            if (e.operation().hasBody()) {
                misfits.addAll(RequestValidator.check(e.operation().bodySchema(), e.jsonBody(), "body"));
            }
            e.operation().pathParamSchemas().forEach((name, schema) -> {
                String value = e.pathParams().get(name);
                if (value != null) {
                    misfits.addAll(RequestValidator.check(schema, TextNode.valueOf(value), name));
                }
            });
            if (!misfits.isEmpty()) {
                add(Kind.REQUEST_MISFIT, e.key(), e.source() + ", " + e.operation().pointer() + "/requestBody",
                        "the documented request " + words(misfits), ours);
            }
        }
    }

    /**
     * Examples are opt-in by operation: one with none is still tested from its schemas alone; one that has
     * examples must have one for each documented status, and a success.
     */
    private void statusesWithoutExample(Operation operation, List<ContractExample> examples) {
        if (examples.isEmpty()) {
            return;
        }
        boolean ours = authored || examples.stream().anyMatch(e -> !e.inSpecFile());
        Set<String> missing = new LinkedHashSet<>(ResponseKeys.of(spec, operation));
        examples.forEach(e -> missing.remove(e.responseKey()));
        String subject = vendor + "/" + operation.id();
        if (!missing.isEmpty()) {
            add(Kind.STATUS_WITHOUT_EXAMPLE, subject, where(operation.pointer()), "documented statuses without an example: "
                    + missing, ours);
        }
        if (examples.stream().noneMatch(e -> e.status() / 100 == 2)) {
            add(Kind.STATUS_WITHOUT_EXAMPLE, subject, where(operation.pointer()), "no success example", ours);
        }
    }

    private String where(String pointer) {
        return VendorSpecs.fileName(vendor) + ", " + pointer;
    }

    private static String words(List<Violation> misfits) {
        List<String> words = misfits.stream().map(v -> v.param() + ": " + v.message()).toList();
        return "does not fit: " + String.join("; ", words);
    }

    private void add(Kind kind, String subject, String where, String detail, boolean ours) {
        found.add(new SpecDefect(kind, subject, where, detail, ours));
    }
}
