package dev.contractkit.stub.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The exchange Jersey answers on: an answer whose length Jersey does not know (it would go out chunked) is
 * kept and sent whole when it ends, so every answer carries a Content-Length. The buffer grows with the
 * answer; Jersey's own (OUTBOUND_CONTENT_LENGTH_BUFFER) allocates its whole size for every answer, which at
 * 1 MB made most of the stub's allocation and, an object that large being humongous to G1, most of its GCs.
 */
public final class WholeAnswerExchange extends HttpExchange {

    private final HttpExchange exchange;
    private final OutputStream body = new Body();
    private ByteArrayOutputStream kept; // set while an answer of unknown length is being kept
    private int status = -1;
    private boolean sent;

    private WholeAnswerExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /** A handler that gives {@code handler} every exchange wrapped. */
    public static HttpHandler around(HttpHandler handler) {
        return exchange -> handler.handle(new WholeAnswerExchange(exchange));
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status != -1) {
            throw new IOException("headers already sent");
        }
        status = code;
        if (length == 0) { // chunked: the length is not known yet
            kept = new ByteArrayOutputStream(1024);
        } else {
            Exchanges.sendHeaders(exchange, code, length);
            sent = true;
        }
    }

    /** Sends what was kept, with its length: -1 tells the JDK server there is no body. */
    private void sendKept() throws IOException {
        if (kept != null && !sent) {
            sent = true;
            Exchanges.sendHeaders(exchange, status, kept.size() == 0 ? -1 : kept.size());
            if (kept.size() > 0) {
                kept.writeTo(exchange.getResponseBody());
            }
            kept = null;
        }
    }

    @Override
    public OutputStream getResponseBody() {
        return body;
    }

    @Override
    public void close() {
        try {
            sendKept();
        } catch (IOException e) {
            // the client has gone: the JDK server closes the connection below
        } finally {
            try {
                exchange.close();
            } catch (RuntimeException e) { // Jetty's exchange wraps the hang-up's EofException
                if (!ClientGone.causedByHangUp(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    private final class Body extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (kept != null) {
                kept.write(b, off, len);
            } else {
                exchange.getResponseBody().write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (kept == null) {
                exchange.getResponseBody().flush();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                sendKept();
                exchange.getResponseBody().close();
            } catch (IOException | RuntimeException e) {
                if (!ClientGone.causedByHangUp(e)) {
                    throw e;
                }
                // The client hung up: nothing can reach it. Thrown on, Jersey would try a 500 on the sent answer
                // and log two stack traces (WARNING, SEVERE) for what is not the stub's error.
            }
        }
    }

    // Everything else is the JDK exchange's.

    @Override
    public Headers getRequestHeaders() {
        return exchange.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
        return exchange.getResponseHeaders();
    }

    /**
     * The request target as sent (origin-form), as the JDK's server gives it: Jersey prefixes the server's
     * address to it. Jetty's exchange gives the absolute URI, which Jersey would turn into a path starting
     * with the host.
     */
    @Override
    public URI getRequestURI() {
        URI uri = exchange.getRequestURI();
        if (!uri.isAbsolute()) {
            return uri;
        }
        return URI.create(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    @Override
    public String getRequestMethod() {
        return exchange.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return exchange.getHttpContext();
    }

    @Override
    public InputStream getRequestBody() {
        return exchange.getRequestBody();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return exchange.getRemoteAddress();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return exchange.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return exchange.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return exchange.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        exchange.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        exchange.setStreams(in, out);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return exchange.getPrincipal();
    }
}
