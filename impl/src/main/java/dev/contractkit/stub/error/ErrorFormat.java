package dev.contractkit.stub.error;

import dev.contractkit.stub.refusal.StubException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.spec.Operation;

/** How one vendor words an error body. */
public interface ErrorFormat {

    ObjectNode body(StubException error);

    /**
     * The body for an error of this operation, for a format that reads the operation's documented error
     * responses; the others word every error alike.
     *
     * @param operation the operation the request was routed to, or null when nothing was (an unknown path)
     */
    default ObjectNode body(StubException error, Operation operation) {
        return body(error);
    }

    /** The media type the body is served with, e.g. application/problem+json where the spec says so. */
    default String mediaType(Operation operation, int status) {
        return "application/json";
    }
}
