package dev.contractkit.stub.error;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.engine.Samples;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Operation;

/**
 * A vendor's errors in the shape its own spec documents, for a vendor the stub has no Java for: the error
 * response the operation (or, unrouted, the document) declares for the status, filled by what its properties
 * mean, served with its media type. Where the spec documents no error body, its {@code x-contract-kit.errors}
 * template; without one, a neutral {"message", "code"}. The package's documentation says it all.
 */
public final class SpecErrorFormat implements ErrorFormat {

    private static final String JSON = "application/json";

    private final OpenApiSpec spec;
    private final ErrorResponses responses;
    private final ErrorBodies bodies;
    private final ErrorTemplate template;
    private final java.util.Map<String, Boolean> readable = new java.util.concurrent.ConcurrentHashMap<>();

    public SpecErrorFormat(OpenApiSpec spec) {
        this.spec = spec;
        this.responses = new ErrorResponses(spec);
        this.bodies = new ErrorBodies(new ErrorSchemas(spec.document()), Samples.of(spec));
        this.template = ErrorTemplate.of(spec.document());
    }

    @Override
    public ObjectNode body(StubException error) {
        return body(error, null);
    }

    @Override
    public ObjectNode body(StubException error, Operation operation) {
        ErrorWords words = ErrorWords.of(error);
        ErrorResponses.Documented documented = responses.find(operation, words.status());
        ObjectNode body = documented == null ? null : bodies.build(spec.document().at(documented.schemaPointer()), words);
        if (body != null) {
            return body;
        }
        return template != null ? template.body(words) : neutral(words);
    }

    @Override
    public String mediaType(Operation operation, int status) {
        ErrorResponses.Documented documented = responses.find(operation, status);
        if (documented != null && readable(documented)) {
            return documented.mediaType();
        }
        return template != null ? template.mediaType() : JSON;
    }

    /** Whether a body built to the documented schema says anything (else the template stands in for it). */
    private boolean readable(ErrorResponses.Documented documented) {
        return readable.computeIfAbsent(documented.schemaPointer(), pointer -> bodies.build(spec.document().at(pointer),
                ErrorWords.of(new StubException(ErrorKind.INTERNAL, "probe"))) != null);
    }

    /** A body that names no vendor's shape: the message (with the failed fields) and the kind, and a list of the fields. */
    private static ObjectNode neutral(ErrorWords words) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("message", words.detailed()).put("code", words.code());
        if (!words.violations().isEmpty()) {
            var errors = body.putArray("errors");
            words.violations().forEach(v -> errors.addObject().put("field", v.param()).put("message", v.message()));
        }
        return body;
    }
}
