package dev.contractkit.stub.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** An answer's body on the wire: exactly its Content-Length, chunks, or nothing (HEAD, 204, length -1). */
final class ResponseBody extends OutputStream {

    /** Length -1 in HttpExchange's terms: no body may follow. */
    static final long NONE = -1;
    /** Length 0 in HttpExchange's terms: unknown, sent in chunks. */
    static final long CHUNKED = 0;

    private final OutputStream out;
    private final long length;
    private final boolean discard; // HEAD: the length is announced, the bytes are not sent
    private long written;
    private boolean closed;

    ResponseBody(OutputStream out, long length, boolean discard) {
        this.out = out;
        this.length = length;
        this.discard = discard;
    }

    /** True once the body was closed having sent all it announced: the connection can carry another request. */
    boolean complete() {
        return closed && (length <= 0 || discard || written == length);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        if (closed) {
            throw new IOException("answer already complete");
        }
        if (count == 0 || discard) {
            return;
        }
        if (length == NONE || (length > 0 && written + count > length)) {
            throw new IOException("more bytes than the answer's announced length");
        }
        if (length == CHUNKED) {
            out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, offset, count);
            out.write('\r');
            out.write('\n');
        } else {
            out.write(bytes, offset, count);
        }
        written += count;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (length == CHUNKED && !discard) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }
}
