package dev.contractkit.contract;

import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;

/** The generated client's model classes, found by the spec's schema names as the generator names them. */
final class RequestModels {

    private RequestModels() {
    }

    /** The model of the operation's request body, named after its schema. */
    static Class<?> bodyType(String vendor, OpenApiSpec spec, Operation operation) throws ClassNotFoundException {
        String body = spec.resolvedPointer(operation.pointer() + "/requestBody");
        String schemaRef = spec.document().at(body + "/content/application~1json/schema/$ref").asText();
        String model = schemaRef.substring(schemaRef.lastIndexOf('/') + 1);
        return Class.forName(VendorSpecs.clientPackage(vendor) + ".model." + model);
    }
}
