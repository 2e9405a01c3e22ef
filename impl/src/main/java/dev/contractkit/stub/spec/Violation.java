package dev.contractkit.stub.spec;

/** One failed check of a request against the spec: which parameter, why, and whether it was missing. */
public record Violation(String param, String message, boolean missing) {
}
