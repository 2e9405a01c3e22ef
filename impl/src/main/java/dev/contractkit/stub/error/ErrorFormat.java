package dev.contractkit.stub.error;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How one vendor words an error body. */
public interface ErrorFormat {

    ObjectNode body(StubException error);
}
