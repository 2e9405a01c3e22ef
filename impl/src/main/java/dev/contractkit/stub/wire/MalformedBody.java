package dev.contractkit.stub.wire;

import java.io.IOException;

/**
 * A request body that does not keep its framing: shorter than its Content-Length, a broken chunk, or one
 * that stopped arriving. Whoever reads the body answers a 400; the connection is closed after the answer,
 * since where the next request starts is no longer known.
 */
public final class MalformedBody extends IOException {

    MalformedBody(String message) {
        super(message, null);
    }
}
