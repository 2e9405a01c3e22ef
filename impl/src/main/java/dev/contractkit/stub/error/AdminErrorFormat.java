package dev.contractkit.stub.error;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.refusal.StubException;

/** The admin API's own errors: {"message", "errors":[{"param","message"}]} (specs/stub-admin.yaml). */
public final class AdminErrorFormat implements ErrorFormat {

    @Override
    public ObjectNode body(StubException error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("message", error.getMessage());
        if (!error.violations().isEmpty()) {
            var errors = body.putArray("errors");
            error.violations().forEach(v -> errors.addObject().put("param", v.param()).put("message", v.message()));
        }
        return body;
    }
}
