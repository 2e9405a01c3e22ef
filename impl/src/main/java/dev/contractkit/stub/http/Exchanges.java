package dev.contractkit.stub.http;

import com.sun.net.httpserver.HttpExchange;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.StubException;
import java.io.IOException;
import java.io.OutputStream;

/** Answers written straight on an exchange, below Jersey: by faults and the rate limit. */
public final class Exchanges {

    private Exchanges() {
    }

    /** The vendor's error body for this error, with its status. */
    public static void answerError(HttpExchange exchange, Vendor vendor, StubException error) throws IOException {
        answerError(exchange, vendor, error, error.kind().status());
    }

    /** The vendor's error body for this error, with another status (a fault's). */
    public static void answerError(HttpExchange exchange, Vendor vendor, StubException error, int status)
            throws IOException {
        byte[] body = vendor.json().writeValueAsBytes(vendor.errors().body(error));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
