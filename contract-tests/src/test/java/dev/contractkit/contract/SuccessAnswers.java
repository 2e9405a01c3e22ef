package dev.contractkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.RequestValidator;

/** A spec-valid success answer for an operation, for a double to answer: documented if any, else built. */
final class SuccessAnswers {

    private SuccessAnswers() {
    }

    /** The documented example of the answer with this status that fits its schema, else the smallest that fits. */
    static JsonNode of(VendorOperation o, int status) {
        if (!o.answersJson(status)) {
            return null;
        }
        String content = o.responseSchemaPointer(status).replaceFirst("/schema$", "");
        var schema = o.spec().schemaAt(o.responseSchemaPointer(status));
        JsonNode example = o.spec().document().at(content + "/example");
        if (!example.isMissingNode() && RequestValidator.check(schema, example, "body").isEmpty()) {
            return example;
        }
        for (JsonNode named : o.spec().document().at(content + "/examples")) {
            if (named.has("value") && RequestValidator.check(schema, named.get("value"), "body").isEmpty()) {
                return named.get("value");
            }
        }
        return new ConstraintBreaker(o.spec().document()).minimal(o.spec().document().at(o.responseSchemaPointer(status)));
    }
}
