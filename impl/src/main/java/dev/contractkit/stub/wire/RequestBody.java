package dev.contractkit.stub.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * A request's body as its head frames it: Content-Length bytes, or chunks. A body that breaks its framing
 * fails with {@link MalformedBody}, again on every later read, so each reader in turn (journal, pipeline)
 * sees it.
 */
abstract class RequestBody extends InputStream {

    protected final WireInput in;
    private MalformedBody failure;

    RequestBody(WireInput in) {
        this.in = in;
    }

    static RequestBody of(RequestHead head, WireInput in) {
        return head.chunked() ? new Chunked(in) : new Fixed(in, head.bodyLength());
    }

    /** True when the whole body was read (or has none), so the next request starts where reading stopped. */
    abstract boolean finished();

    /** Reads what is left, up to {@code limit} bytes: true when the body then ended in its framing. */
    boolean skipRest(long limit) {
        byte[] skip = new byte[8192];
        try {
            long left = limit;
            while (left > 0 && !finished()) {
                int n = read(skip, 0, (int) Math.min(skip.length, left));
                if (n < 0) {
                    break;
                }
                left -= n;
            }
            return finished();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public final int read(byte[] into, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        try {
            return readFramed(into, offset, length);
        } catch (SocketTimeoutException e) {
            throw fail("The request body stopped arriving before its end");
        }
    }

    protected abstract int readFramed(byte[] into, int offset, int length) throws IOException;

    protected final MalformedBody fail(String message) {
        failure = new MalformedBody(message);
        return failure;
    }

    /** Exactly Content-Length bytes. */
    private static final class Fixed extends RequestBody {
        private final long length;
        private long left;

        Fixed(WireInput in, long length) {
            super(in);
            this.length = length;
            this.left = length;
        }

        @Override
        boolean finished() {
            return left == 0;
        }

        @Override
        protected int readFramed(byte[] into, int offset, int count) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(into, offset, (int) Math.min(count, left));
            if (n < 0) {
                throw fail("The request body ended after " + (length - left) + " of its Content-Length of "
                        + length + " bytes");
            }
            left -= n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }

    /** Transfer-Encoding: chunked; extensions and trailer fields are read and dropped. */
    private static final class Chunked extends RequestBody {
        private static final int MAX_LINE = 4096;
        private long chunkLeft; // bytes left of the current chunk
        private boolean done;

        Chunked(WireInput in) {
            super(in);
        }

        @Override
        boolean finished() {
            return done;
        }

        @Override
        protected int readFramed(byte[] into, int offset, int count) throws IOException {
            if (done) {
                return -1;
            }
            if (chunkLeft == 0) {
                chunkLeft = chunkSize();
                if (chunkLeft == 0) {
                    skipTrailer();
                    done = true;
                    return -1;
                }
            }
            int n = in.read(into, offset, (int) Math.min(count, chunkLeft));
            if (n < 0) {
                throw fail("The request body ended inside a chunk");
            }
            chunkLeft -= n;
            if (chunkLeft == 0 && !line().isEmpty()) {
                throw fail("A chunk of the request body is longer than its size says");
            }
            return n;
        }

        private long chunkSize() throws IOException {
            String line = line();
            int extension = line.indexOf(';');
            String hex = (extension < 0 ? line : line.substring(0, extension)).strip();
            if (!hex.matches("[0-9a-fA-F]{1,8}")) {
                throw fail("Malformed chunk size in the request body");
            }
            return Long.parseLong(hex, 16);
        }

        private void skipTrailer() throws IOException {
            for (int fields = 0; !line().isEmpty(); fields++) {
                if (fields == RequestHead.MAX_FIELDS) {
                    throw fail("Too many trailer fields after the request body");
                }
            }
        }

        private String line() throws IOException {
            try {
                return in.readLine(MAX_LINE, 400, "", null);
            } catch (Malformed e) {
                throw fail("A chunk line of the request body is longer than " + MAX_LINE + " bytes");
            } catch (java.io.EOFException e) {
                throw fail("The request body ended inside a chunk");
            }
        }
    }
}
