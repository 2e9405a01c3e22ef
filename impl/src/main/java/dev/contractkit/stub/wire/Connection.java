package dev.contractkit.stub.wire;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served on its own thread: requests one after another (keep-alive), each through
 * its context's filters and handler. What cannot be read as a request is answered here, in the words the
 * server's {@link Refusals} give, and the connection is closed.
 */
final class Connection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** An unread request body left after the answer is skipped up to this, to keep the connection. */
    private static final long SKIP_LIMIT = 1 << 20;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final WireServer server;
    private final Socket socket;
    private volatile boolean dropped;

    Connection(WireServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true); // else small answers wait ~40 ms for the client's delayed ACK
            WireInput in = new WireInput(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!dropped && serveNext(in, out)) {
                // one request after another on the same connection
            }
        } catch (IOException closedOrTimedOut) {
            // the client went away or was too slow: nothing left to answer
        } finally {
            server.closed(this);
        }
    }

    /** Serves one request; false when the connection must close. */
    private boolean serveNext(WireInput in, OutputStream out) throws IOException {
        socket.setSoTimeout(server.idleTimeoutMillis());
        try {
            if (!in.awaitByte()) {
                return false;
            }
        } catch (java.net.SocketTimeoutException idle) {
            return false;
        }
        socket.setSoTimeout(server.readTimeoutMillis());
        in.deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(server.readTimeoutMillis()));
        RequestHead head;
        try {
            head = RequestHead.read(in);
        } catch (Malformed refused) {
            refuse(out, refused.rawPath(), refused.status(), refused.getMessage());
            return false;
        }
        in.deadline(0);
        HttpContext context = server.contextFor(head.uri().getRawPath());
        if (context == null) {
            refuse(out, head.uri().getRawPath(), 404, "No such path");
            return false;
        }
        WireExchange exchange = new WireExchange(head, context, this, in, out);
        if (head.expectsContinue() && head.hasBody()) {
            out.write(CONTINUE);
            out.flush();
        }
        try {
            new Filter.Chain(context.getFilters(), context.getHandler()).doFilter(exchange);
        } catch (MalformedBody broken) {
            refuseUnanswered(exchange, out, 400, broken.getMessage());
            return false;
        } catch (IOException | RuntimeException failure) {
            if (!(failure instanceof SocketException)) {
                LOG.warn("Request failed inside the stub", failure);
            }
            refuseUnanswered(exchange, out, 500, "An internal error occurred");
            return false;
        }
        out.flush();
        return !dropped && exchange.reusable(SKIP_LIMIT);
    }

    /** Closes the connection with no answer: a handler closed the exchange without one (a drop fault). */
    void drop() {
        dropped = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void refuseUnanswered(WireExchange exchange, OutputStream out, int status, String message) {
        if (!exchange.answered() && !dropped) {
            try {
                refuse(out, exchange.getRequestURI().getRawPath(), status, message);
            } catch (IOException gone) {
                // the client went away
            }
        }
    }

    /** Answers in the refusals' JSON and closes, reading a little of what the client still sends first. */
    private void refuse(OutputStream out, String rawPath, int status, String message) throws IOException {
        byte[] body = server.refusals().json(rawPath, status, message);
        String head = StatusLine.of(status) + "Date: " + StatusLine.date() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        // Closing with unread bytes would reset the connection, and the client could lose the answer.
        socket.shutdownOutput();
        socket.setSoTimeout(500);
        InputStream rest = socket.getInputStream();
        byte[] skip = new byte[8192];
        for (long left = SKIP_LIMIT; left > 0; ) {
            int n = rest.read(skip);
            if (n < 0) {
                break;
            }
            left -= n;
        }
    }
}
