package dev.contractkit.stub.wire;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request and its answer on a connection, as the JDK's HttpExchange API presents them to handlers. */
final class WireExchange extends HttpExchange {

    private final RequestHead head;
    private final HttpContext context;
    private final Connection connection;
    private final OutputStream wire;
    private final RequestBody requestBody;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream userIn;
    private OutputStream userOut;
    private ResponseBody responseBody;
    /** What getResponseBody gives before the headers are sent (a filter may wrap it): the body, once it exists. */
    private final OutputStream placeholder = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            body().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            body().write(bytes, offset, count);
        }

        @Override
        public void flush() throws IOException {
            if (responseBody != null) {
                responseBody.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (responseBody != null) {
                responseBody.close();
            }
        }

        private OutputStream body() throws IOException {
            if (responseBody == null) {
                throw new IOException("answer headers not sent yet");
            }
            return responseBody;
        }
    };
    private int status = -1;
    private boolean closeAfter;
    private boolean closed;

    WireExchange(RequestHead head, HttpContext context, Connection connection, WireInput in, OutputStream wire) {
        this.head = head;
        this.context = context;
        this.connection = connection;
        this.wire = wire;
        this.requestBody = RequestBody.of(head, in);
        this.userIn = requestBody;
        this.userOut = placeholder;
        this.closeAfter = !head.keepAlive();
    }

    /** Headers sent: the server can no longer answer for the handler. */
    boolean answered() {
        return status != -1;
    }

    /**
     * Whether the connection can carry the next request: the answer complete (its body closed, as a handler
     * may do without closing the exchange), the request body all read.
     */
    boolean reusable(long skipLimit) {
        return responseBody != null && responseBody.complete() && !closeAfter && requestBody.skipRest(skipLimit);
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status != -1) {
            throw new IOException("answer headers already sent");
        }
        status = code;
        boolean noBody = code < 200 || code == 204 || code == 304;
        boolean isHead = "HEAD".equals(head.method());
        long bodyLength = noBody ? ResponseBody.NONE : length;
        responseHeaders.set("Date", StatusLine.date());
        if (bodyLength > 0) {
            responseHeaders.set("Content-Length", Long.toString(bodyLength));
        } else if (bodyLength == ResponseBody.CHUNKED) {
            if (head.version().equals("HTTP/1.0")) {
                closeAfter = true; // the body ends when the connection does
            } else {
                responseHeaders.set("Transfer-Encoding", "chunked");
            }
        } else if (!noBody) {
            responseHeaders.set("Content-Length", "0");
        }
        List<String> connectionTokens = responseHeaders.get("Connection");
        if (connectionTokens != null && String.join(",", connectionTokens).toLowerCase(java.util.Locale.ROOT).contains("close")) {
            closeAfter = true;
        }
        if (closeAfter) {
            responseHeaders.set("Connection", "close");
        }
        StringBuilder text = new StringBuilder(256).append(StatusLine.of(code));
        responseHeaders.forEach((name, values) -> values.forEach(v -> text.append(name).append(": ").append(v)
                .append("\r\n")));
        wire.write(text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        boolean chunkedForHttp10 = bodyLength == ResponseBody.CHUNKED && head.version().equals("HTTP/1.0");
        responseBody = new ResponseBody(wire, chunkedForHttp10 ? Long.MAX_VALUE : bodyLength, isHead);
        if (bodyLength == ResponseBody.NONE || isHead) {
            responseBody.close(); // as the JDK's: nothing may follow, so the answer is complete already
        }
    }

    /** As the JDK's: without an answer the connection is closed (a dropped request); else the body ends. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (status == -1) {
            connection.drop();
            return;
        }
        try {
            userOut.close();
        } catch (IOException e) {
            connection.drop();
        }
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return context;
    }

    @Override
    public InputStream getRequestBody() {
        return userIn;
    }

    @Override
    public OutputStream getResponseBody() {
        return userOut;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return connection.localAddress();
    }

    @Override
    public String getProtocol() {
        return head.version();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            userIn = in;
        }
        if (out != null) {
            userOut = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
