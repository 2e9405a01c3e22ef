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
        byte[] body = original.readNBytes(Recorded.BODY_LIMIT);
        Capture response = new Capture();
        exchange.setStreams(new SequenceInputStream(new ByteArrayInputStream(body), original),
                new FilterOutputStream(exchange.getResponseBody()) {
                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        out.write(buffer, offset, length);
                        response.write(buffer, offset, length);
                    }
                });
        try {
            chain.doFilter(exchange);
        } finally {
            String path = OpenApiSpec.pathUnder(exchange);
            String query = exchange.getRequestURI().getRawQuery();
            journal.add(new Recorded(sequence, vendor.prefix(), spec.operationId(exchange.getRequestMethod(), path),
                    exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                    headers(exchange), body, exchange.getResponseCode(), response.toByteArray(),
                    receivedAt));
        }
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
