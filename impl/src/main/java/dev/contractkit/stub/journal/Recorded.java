package dev.contractkit.stub.journal;

import java.time.Instant;
import java.util.Map;

/**
 * One request a vendor received and what it answered. Bodies are kept up to {@link #BODY_LIMIT} bytes.
 *
 * @param operation the operationId it was routed to; null when it matched none
 * @param status    the status answered; -1 when the connection was dropped without an answer
 */
public record Recorded(long sequence, String vendor, String operation, String method, String path,
        Map<String, String> headers, byte[] body, int status, byte[] responseBody, Instant receivedAt) {

    public static final int BODY_LIMIT = 64 * 1024;
}
