package dev.contractkit.stub.refusal;

import dev.contractkit.stub.spec.Violation;
import java.util.List;
import java.util.Map;

/** A refused request, thrown anywhere in the pipeline and rendered once, in the vendor's format. */
public final class StubException extends RuntimeException {

    private final ErrorKind kind;
    private final List<Violation> violations;
    private final Map<String, String> headers;
    /** The operation the refused request was routed to, once known: its documented error schemas shape the body. */
    private volatile dev.contractkit.stub.spec.Operation operation;

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

    /** A request no operation of its API takes: a 404, or a 405 naming the methods its path does take. */
    public static StubException unrouted(String method, String path, java.util.Set<String> methodsAtPath) {
        if (methodsAtPath.isEmpty()) {
            return new StubException(ErrorKind.NOT_FOUND, "No such endpoint: " + method + " " + path);
        }
        String allow = String.join(", ", methodsAtPath);
        return new StubException(ErrorKind.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on " + path
                + "; allowed: " + allow, List.of(), Map.of("Allow", allow));
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

    /** This error, raised while serving {@code operation} (kept if an inner step named one already). */
    public StubException at(dev.contractkit.stub.spec.Operation operation) {
        if (this.operation == null) {
            this.operation = operation;
        }
        return this;
    }

    /** The operation the request was routed to, or null (an unknown path, or refused before routing). */
    public dev.contractkit.stub.spec.Operation operation() {
        return operation;
    }
}
