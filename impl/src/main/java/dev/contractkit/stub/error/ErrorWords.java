package dev.contractkit.stub.error;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Violation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a refusal says, in the pieces an error body is made of: a message for people, a code for programs
 * (the kind in snake_case: not_found), the status and its reason phrase, the fields that failed.
 */
record ErrorWords(ErrorKind kind, int status, String message, List<Violation> violations) {

    static ErrorWords of(StubException error) {
        return new ErrorWords(error.kind(), error.kind().status(), error.getMessage(), error.violations());
    }

    String code() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The message with every failed field named, for a body that has no list to name them in. */
    String detailed() {
        if (violations.isEmpty()) {
            return message;
        }
        if (violations.size() == 1) {
            Violation only = violations.get(0);
            return (only.missing() ? "Missing required parameter " : "Invalid parameter ") + only.param() + ": " + only.message();
        }
        return message + ": " + violations.stream().map(ErrorWords::named).collect(Collectors.joining("; "));
    }

    /** The field a body names on its own: the one that failed, when only one did. */
    String field() {
        return violations.size() == 1 ? violations.get(0).param() : null;
    }

    static String named(Violation violation) {
        return violation.param() + ": " + violation.message();
    }

    /** The status's reason phrase, as a problem's title says it. */
    String reason() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}
