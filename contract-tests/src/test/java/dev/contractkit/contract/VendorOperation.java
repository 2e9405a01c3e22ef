package dev.contractkit.contract;

import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.stream.Stream;

/** One operation of a vendor's spec as read from specs/: what the tests that enumerate the spec walk over. */
record VendorOperation(Vendor vendor, OpenApiSpec spec, Operation operation) {

    /** Every operation of every vendor, in the spec's order. */
    static Stream<VendorOperation> all() {
        return Stream.of(Vendor.values()).flatMap(v -> {
            OpenApiSpec spec = ContractExamples.spec(v);
            return spec.operations().stream().map(o -> new VendorOperation(v, spec, o));
        });
    }

    /** layer/listCustomers [what]: how a test of this operation is named. */
    String testName(String what) {
        return id() + " [" + what + "]";
    }

    String id() {
        return vendor.prefix() + "/" + operation.id();
    }

    /** The pointer of the JSON schema of the answer with this status, $refs followed; missing when none. */
    String responseSchemaPointer(int status) {
        return spec.resolvedPointer(operation.pointer() + "/responses/" + status) + "/content/application~1json/schema";
    }

    boolean answersJson(int status) {
        return !spec.document().at(responseSchemaPointer(status)).isMissingNode();
    }
}
