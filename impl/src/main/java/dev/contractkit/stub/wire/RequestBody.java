package dev.contractkit.stub.wire;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body, read once by {@link RequestPath} (up to the API's limit and one byte more) before any
 * step that needs it: the journal keeps its first bytes, the pipeline parses it, and neither copies the
 * stream. What went wrong while reading is kept too, and answered where the pipeline checks the body.
 *
 * @param bytes     what was read; empty when the read broke
 * @param oversized longer than the limit (declared or read): a 413
 * @param broken    the read failed (broken chunks, a body cut short by the client or by the read timeout): a 400
 * @param rest      the stream, for what is left of an oversized body
 */
public record RequestBody(byte[] bytes, boolean oversized, boolean broken, InputStream rest) {

    /** Up to {@code limit} + 1 bytes; only {@code keep} of a body whose declared length is over the limit. */
    public static RequestBody read(Exchange exchange, int limit, int keep) {
        InputStream wire = exchange.wire();
        long declared = exchange.declaredLength();
        try {
            if (declared > limit) {
                return new RequestBody(wire.readNBytes(Math.min(keep, limit)), true, false, wire);
            }
            if (declared >= 0) {
                // Jetty holds the body to its declared length (shorter fails the read): one array of that size.
                byte[] bytes = new byte[(int) declared];
                int read = wire.readNBytes(bytes, 0, bytes.length);
                return new RequestBody(read == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, read), false,
                        false, wire);
            }
            byte[] bytes = wire.readNBytes(limit + 1); // chunked: up to one byte past the limit tells it is over
            return new RequestBody(bytes, bytes.length > limit, false, wire);
        } catch (IOException broken) {
            return new RequestBody(new byte[0], false, true, wire);
        }
    }
}
