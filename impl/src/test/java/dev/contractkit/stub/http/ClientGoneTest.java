package dev.contractkit.stub.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

/**
 * An answer whose client hung up ends quietly, as Jersey's writer would end it: no exception for Jersey to
 * answer with a 500 on the sent answer and log twice; any other failure still reaches it.
 */
class ClientGoneTest {

    @Test
    void anAnswerWhoseClientHungUpEndsWithoutAnException() {
        Wire wire = new Wire(new IOException(new EofException("reset by peer")),
                new RuntimeException(new IOException(new EofException("reset by peer"))));

        assertDoesNotThrow(() -> answer(wire));
        assertEquals("17", wire.headers.getFirst("Content-Length"), "the kept answer was sent whole first");
    }

    @Test
    void anAnswerWhoseClientWentSilentPastTheIdleTimeoutEndsWithoutAnException() {
        Wire wire = new Wire(null, new RuntimeException(new IOException(new IOException(
                new java.util.concurrent.TimeoutException("Idle timeout expired: 1001/1000 ms")))));

        assertDoesNotThrow(() -> answer(wire));
    }

    @Test
    void anyOtherFailureStillReachesJersey() {
        Wire failing = new Wire(new IOException("disk full"), null);

        assertThrows(IOException.class, () -> answer(failing));
    }

    /** As Jersey's jdk-http writer answers: headers of unknown length, the body, then close and commit. */
    private static void answer(Wire wire) throws Exception {
        HttpExchange[] wrapped = new HttpExchange[1];
        WholeAnswerExchange.around(exchange -> wrapped[0] = exchange).handle(wire);
        wrapped[0].sendResponseHeaders(200, 0);
        try (OutputStream body = wrapped[0].getResponseBody()) {
            body.write("{\"answer\":\"kept\"}".getBytes(StandardCharsets.UTF_8));
        }
        wrapped[0].close();
    }

    /** The server's exchange: its body's close and its own close fail as given (null: they do not). */
    private static final class Wire extends HttpExchange {
        final Headers headers = new Headers();
        private final IOException bodyCloseFails;
        private final RuntimeException closeFails;

        Wire(IOException bodyCloseFails, RuntimeException closeFails) {
            this.bodyCloseFails = bodyCloseFails;
            this.closeFails = closeFails;
        }

        @Override
        public OutputStream getResponseBody() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                }

                @Override
                public void close() throws IOException {
                    if (bodyCloseFails != null) {
                        throw bodyCloseFails;
                    }
                }
            };
        }

        @Override
        public void close() {
            if (closeFails != null) {
                throw closeFails;
            }
        }

        @Override
        public Headers getResponseHeaders() {
            return headers;
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
        }

        @Override
        public Headers getRequestHeaders() {
            return new Headers();
        }

        @Override
        public URI getRequestURI() {
            return URI.create("/vayu/customers");
        }

        @Override
        public String getRequestMethod() {
            return "PUT";
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public InputStream getRequestBody() {
            return InputStream.nullInputStream();
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getResponseCode() {
            return -1;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
