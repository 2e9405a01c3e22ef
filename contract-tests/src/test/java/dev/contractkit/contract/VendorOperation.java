package dev.contractkit.contract;

import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;
import java.util.List;
import java.util.stream.Stream;

/**
 * One operation of a vendor's spec as read from specs/: what the tests that enumerate the spec walk over.
 *
 * @param vendor the spec's name (vayu for specs/vayu.yaml)
 */
record VendorOperation(String vendor, OpenApiSpec spec, Operation operation) {

    /** Every operation of every vendor found in specs/, in the spec's order. */
    static Stream<VendorOperation> all() {
        return VendorSpecs.names().stream().flatMap(VendorOperation::of);
    }

    /** Every operation of one vendor. */
    static Stream<VendorOperation> of(String vendor) {
        OpenApiSpec spec = VendorSpecs.spec(vendor);
        return spec.operations().stream().map(o -> new VendorOperation(vendor, spec, o));
    }

    /** layer/listCustomers [what]: how a test of this operation is named. */
    String testName(String what) {
        return id() + " [" + what + "]";
    }

    /** layer/listCustomers: how failures and defects name it. */
    String id() {
        return vendor + "/" + operation.id();
    }

    /** The documented response keys: "200", "4XX", "default". */
    List<String> responseKeys() {
        return ResponseKeys.of(spec, operation);
    }

    /** The pointer of the JSON schema of the answer with this status, $refs followed; missing when none. */
    String responseSchemaPointer(int status) {
        String key = ResponseKeys.keyFor(status, responseKeys());
        return spec.resolvedPointer(operation.pointer() + "/responses/" + (key == null ? status : key))
                + "/content/application~1json/schema";
    }

    boolean answersJson(int status) {
        return !spec.document().at(responseSchemaPointer(status)).isMissingNode();
    }
}
