package dev.contractkit.contract;

import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;

/** The generated client's model classes, found by the spec's schema names as the generator names them. */
final class RequestModels {

    private RequestModels() {
    }

    /** The model of the operation's request body, named after its schema. */
    static Class<?> bodyType(Vendor vendor, OpenApiSpec spec, Operation operation) throws ClassNotFoundException {
        String body = spec.resolvedPointer(operation.pointer() + "/requestBody");
        String schemaRef = spec.document().at(body + "/content/application~1json/schema/$ref").asText();
        String model = schemaRef.substring(schemaRef.lastIndexOf('/') + 1);
        return Class.forName("dev.contractkit." + vendor.prefix() + ".client.model." + model);
    }
}
