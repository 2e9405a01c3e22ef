package dev.contractkit.stub.refusal;

/** Every way the stub refuses a request; each vendor renders it in its own error format. */
public enum ErrorKind {
    INVALID_REQUEST(400),
    MALFORMED_JSON(400),
    /** A list's cursor that no page handed out: Layer's pagination page names the error PaginationCursor. */
    BAD_CURSOR(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404),
    /** What the resource belongs to does not exist (a Layer business): Layer words it apart. */
    OWNER_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The kind for a status Jersey itself produced (unknown path, wrong method, ...). */
    public static ErrorKind ofStatus(int status) {
        for (ErrorKind kind : values()) {
            if (kind.status == status && kind != MALFORMED_JSON && kind != BAD_CURSOR) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
