package dev.contractkit.stub.http;

import com.sun.net.httpserver.HttpExchange;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.StubException;
import java.io.IOException;
import java.io.OutputStream;

/** Answers written straight on an exchange, below Jersey: by faults, the rate limit and the admin API's guards. */
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
        byte[] body = vendor.json().writeValueAsBytes(vendor.errors().body(error, error.operation()));
        exchange.getResponseHeaders().set("Content-Type", vendor.errors().mediaType(error.operation(), status));
        sendHeaders(exchange, status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A JSON body of our own (the admin API's refusals, the root's 404) with its status; the exchange is closed. */
    public static void answerJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        sendHeaders(exchange, status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    /**
     * Sends the status line and headers, a body of {@code length} bytes (-1: none) to follow. The length is
     * also put among the exchange's response headers, as the JDK's server does and Jetty's does not: the
     * journal reads it there to record a request before its answer's last byte goes out.
     */
    public static void sendHeaders(HttpExchange exchange, int status, long length) throws IOException {
        if (length > 0) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
        }
        exchange.sendResponseHeaders(status, length);
    }
}
