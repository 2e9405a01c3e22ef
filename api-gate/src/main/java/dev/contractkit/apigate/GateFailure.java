package dev.contractkit.apigate;

/** A failure the build reports in its own words: the message is all the user needs, so no stack trace. */
final class GateFailure extends RuntimeException {

    GateFailure(String message) {
        super(message, null, false, false);
    }
}
