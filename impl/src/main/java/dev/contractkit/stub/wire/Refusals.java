package dev.contractkit.stub.wire;

/**
 * The bodies of the answers the server gives by itself, before any handler sees the request: a request
 * line, header or body framing it cannot accept. Always JSON, so the stub can word them as the API the
 * request was meant for.
 */
@FunctionalInterface
public interface Refusals {

    /**
     * @param rawPath the request's path as sent (still percent-encoded), or null when the request line
     *                did not tell one
     * @param status  the 4xx (or 500) the server answers
     * @param message what was wrong, in words; never a Java class name
     */
    byte[] json(String rawPath, int status, String message);
}
