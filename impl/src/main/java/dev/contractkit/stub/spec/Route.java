package dev.contractkit.stub.spec;

import java.util.Map;

/** A request matched to an operation, with its raw path parameter values. */
public record Route(Operation operation, Map<String, String> pathParams) {
}
