package dev.contractkit.codegen;

/** What the build says when generation cannot go on: a message, without a stack trace (exec:java prints it). */
final class CodegenFailure extends RuntimeException {

    CodegenFailure(String message) {
        super(message, null, false, false);
    }
}
