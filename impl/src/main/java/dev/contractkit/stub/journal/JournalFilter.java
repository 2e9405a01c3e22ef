package dev.contractkit.stub.journal;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every request of a vendor, whatever answered it (the resource, the pipeline's refusals, a fault,
 * the rate limit), by copying the bytes that cross the connection.
 */
public final class JournalFilter extends Filter {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Vendor vendor;
    private final OpenApiSpec spec;
    private final Journal journal;

    public JournalFilter(Vendor vendor, OpenApiSpec spec, Journal journal) {
        this.vendor = vendor;
        this.spec = spec;
        this.journal = journal;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long sequence = SEQUENCE.incrementAndGet();
        Instant receivedAt = Instant.now();
        // Read up front: a fault or the rate limit may answer before anything else reads the body.
        InputStream original = exchange.getRequestBody();
        byte[] body = readUpFront(original);
        Capture response = new Capture();
        AtomicBoolean done = new AtomicBoolean();
        Runnable record = () -> {
            if (done.compareAndSet(false, true)) {
                journal.add(recorded(exchange, sequence, receivedAt, body, response.toByteArray()));
            }
        };
        exchange.setStreams(new SequenceInputStream(new ByteArrayInputStream(body), original),
                // Records before the answer's last byte goes out: a client that got it finds its request here.
                new FilterOutputStream(exchange.getResponseBody()) {
                    private long written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        response.write(buffer, offset, length);
                        written += length;
                        String declared = exchange.getResponseHeaders().getFirst("Content-Length");
                        if (declared != null && written >= Long.parseLong(declared)) {
                            record.run();
                        }
                        out.write(buffer, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        record.run(); // a chunked answer ends when closed
                        super.close();
                    }
                });
        try {
            chain.doFilter(exchange);
        } finally {
            record.run(); // an answer without a body, or a dropped connection
        }
    }

    private static byte[] readUpFront(InputStream body) throws IOException {
        try {
            return body.readNBytes(Recorded.BODY_LIMIT);
        } catch (IOException broken) {
            return new byte[0]; // the pipeline reads the same failure and answers the vendor's 400
        }
    }

    private Recorded recorded(HttpExchange exchange, long sequence, Instant receivedAt, byte[] body, byte[] response) {
        String path = OpenApiSpec.pathUnder(exchange);
        String query = exchange.getRequestURI().getRawQuery();
        return new Recorded(sequence, vendor.prefix(), spec.operationId(exchange.getRequestMethod(), path),
                exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                headers(exchange), body, exchange.getResponseCode(), response, receivedAt);
    }

    @Override
    public String description() {
        return "request journal";
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(lower, "authorization".equals(lower) ? "[redacted]" : String.join(", ", values));
        });
        return headers;
    }

    /** Keeps the first BODY_LIMIT bytes written to it. */
    private static final class Capture extends ByteArrayOutputStream {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (len > 0 && count < Recorded.BODY_LIMIT) {
                super.write(b, off, Math.min(len, Recorded.BODY_LIMIT - count));
            }
        }
    }
}
