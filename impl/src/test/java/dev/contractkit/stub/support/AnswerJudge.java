package dev.contractkit.stub.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.util.List;

/**
 * An answer judged against the schema its operation documents for its status by {@link SpecJudge}, the tests'
 * own judge written apart from the stub's validator: for the tests of other packages (the engine's), which
 * would otherwise check the stub's answers with the very validator the stub checks requests with.
 */
public final class AnswerJudge {

    private AnswerJudge() {
    }

    /** Where and why the answer breaks its documented schema; empty when it fits. */
    public static List<String> violations(OpenApiSpec spec, String operationId, int status, JsonNode answer) {
        SpecSchemas schemas = SpecSchemas.of(spec, operationId);
        JsonNode schema = schemas.responseBody(status);
        if (schema.isMissingNode()) {
            return answer == null || answer.isNull() ? List.of()
                    : List.of("body: " + operationId + " documents no body for " + status);
        }
        if (answer == null) {
            return List.of("body: none, where " + operationId + " documents one for " + status);
        }
        return new SpecJudge(schemas).violations(schema, answer);
    }

    /**
     * Where and why a body breaks the schema at this pointer of the spec (/components/schemas/NotFound): for
     * a vendor's error bodies, which a published file may leave undocumented while the vendor's docs give them.
     */
    public static List<String> violations(OpenApiSpec spec, String schemaPointer, String anyOperationId, JsonNode body) {
        SpecSchemas schemas = SpecSchemas.of(spec, anyOperationId);
        return new SpecJudge(schemas).violations(spec.document().at(schemaPointer), body);
    }
}
