package dev.contractkit.stub.error;

import java.util.List;

/** A refused request, thrown anywhere in the pipeline and rendered once, in the vendor's format. */
public final class StubException extends RuntimeException {

    private final ErrorKind kind;
    private final List<Violation> violations;

    public StubException(ErrorKind kind, String message) {
        this(kind, message, List.of());
    }

    public StubException(ErrorKind kind, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
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
}
