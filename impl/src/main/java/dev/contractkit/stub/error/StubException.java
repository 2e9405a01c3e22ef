package dev.contractkit.stub.error;

import java.util.List;
import java.util.Map;

/** A refused request, thrown anywhere in the pipeline and rendered once, in the vendor's format. */
public final class StubException extends RuntimeException {

    private final ErrorKind kind;
    private final List<Violation> violations;
    private final Map<String, String> headers;

    public StubException(ErrorKind kind, String message) {
        this(kind, message, List.of());
    }

    public StubException(ErrorKind kind, String message, List<Violation> violations) {
        this(kind, message, violations, Map.of());
    }

    /** @param headers answered with the error, e.g. Allow on a 405 */
    public StubException(ErrorKind kind, String message, List<Violation> violations, Map<String, String> headers) {
        super(message, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
    }

    public static StubException invalid(List<Violation> violations) {
        return new StubException(ErrorKind.INVALID_REQUEST, violations.size() + " parameters failed validation", violations);
    }

    public ErrorKind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
