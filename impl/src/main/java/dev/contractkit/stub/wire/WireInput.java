package dev.contractkit.stub.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A connection's incoming bytes, buffered: lines of the request head, read up to a limit, then the body's
 * bytes. A request's leftover bytes stay buffered for the next request on the connection.
 */
final class WireInput {

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int end;
    /** System.nanoTime() after which no more bytes are awaited; 0 for none. */
    private long deadline;

    WireInput(InputStream in) {
        this.in = in;
    }

    /** Bounds the time the bytes read from now on may take in all (a head trickled byte by byte). */
    void deadline(long nanoTime) {
        this.deadline = nanoTime;
    }

    /** False when the peer closed before sending a byte: an idle keep-alive connection ending. */
    boolean awaitByte() throws IOException {
        return position < end || fill();
    }

    /**
     * One line without its CRLF (a bare LF also ends it), as ISO-8859-1 so every byte maps to one char.
     *
     * @throws Malformed with {@code status} and {@code tooLong} when the line is longer than {@code limit} bytes
     * @throws java.io.EOFException when the connection ends inside the line
     */
    String readLine(int limit, int status, String tooLong, String rawPath) throws IOException, Malformed {
        StringBuilder line = null;
        while (true) {
            for (int i = position; i < end; i++) {
                if (buffer[i] == '\n') {
                    int length = i - position;
                    String tail = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    String whole = line == null ? tail : line.append(tail).toString();
                    if (whole.length() > limit) {
                        throw new Malformed(status, tooLong, rawPath, whole.substring(0, limit));
                    }
                    return whole.endsWith("\r") ? whole.substring(0, whole.length() - 1) : whole;
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, position, end - position, StandardCharsets.ISO_8859_1));
            position = end;
            if (line.length() > limit) {
                throw new Malformed(status, tooLong, rawPath, line.substring(0, limit));
            }
            if (!fill()) {
                throw new java.io.EOFException("connection closed inside the request head");
            }
        }
    }

    int read() throws IOException {
        if (position == end && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == end) {
            if (length >= buffer.length) { // a large read skips the copy
                checkDeadline();
                return in.read(into, offset, length);
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, end - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        checkDeadline();
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        end = n;
        return true;
    }

    private void checkDeadline() throws SocketTimeoutException {
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            throw new SocketTimeoutException("request head not complete in time");
        }
    }
}
