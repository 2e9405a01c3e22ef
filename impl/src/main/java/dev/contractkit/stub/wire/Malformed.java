package dev.contractkit.stub.wire;

/** A request the server cannot accept, found while reading its head: answered with this status, then closed. */
final class Malformed extends Exception {

    private final int status;
    private final String rawPath;
    private final String seen;

    Malformed(int status, String message, String rawPath) {
        this(status, message, rawPath, null);
    }

    /** @param seen the start of a line too long to read whole, which may still tell the path */
    Malformed(int status, String message, String rawPath, String seen) {
        super(message, null, false, false);
        this.status = status;
        this.rawPath = rawPath;
        this.seen = seen;
    }

    String seen() {
        return seen;
    }

    int status() {
        return status;
    }

    /** The path the request line named (percent-encoded), or null when it named none. */
    String rawPath() {
        return rawPath;
    }
}
