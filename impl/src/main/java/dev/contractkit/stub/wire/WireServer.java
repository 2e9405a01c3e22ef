package dev.contractkit.stub.wire;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server the stub runs on, behind the JDK's own HttpServer API, so Jersey's jdk-http container
 * and the stub's filters run on it unchanged. Unlike the JDK's server, which answers a request it cannot
 * parse with an HTML page naming a Java exception and offers no hook, this one reads the request head
 * itself and lets {@link Refusals} word every such answer. One thread a connection, up to a bound.
 */
public final class WireServer extends HttpServer {

    private static final int IDLE_TIMEOUT_MILLIS = 30_000;

    private final Refusals refusals;
    private final int readTimeoutMillis;
    private final ThreadPoolExecutor connections;
    private final Map<String, WireContext> contexts = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private volatile boolean stopping;

    private WireServer(InetSocketAddress address, Refusals refusals, Duration readTimeout, int maxConnections)
            throws IOException {
        this.refusals = refusals;
        this.readTimeoutMillis = (int) readTimeout.toMillis();
        this.connections = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads());
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(address, 128);
    }

    /**
     * @param readTimeout     how long a request's head, and each wait for its body's next bytes, may take
     * @param maxConnections  connections served at once; one more is closed as soon as it is accepted
     */
    public static WireServer create(InetSocketAddress address, Refusals refusals, Duration readTimeout,
            int maxConnections) throws IOException {
        return new WireServer(address, refusals, readTimeout, maxConnections);
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) {
        throw new UnsupportedOperationException("bound when created");
    }

    @Override
    public void start() {
        Thread acceptor = new Thread(this::accept, "stub-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!stopping) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return; // stopped
                }
                continue; // a connection reset before it was accepted
            }
            Connection connection = new Connection(this, socket);
            try {
                open.add(connection);
                connections.execute(connection);
            } catch (RejectedExecutionException full) {
                open.remove(connection);
                connection.drop();
            }
        }
    }

    /** The context with the longest path that the request path starts with, as the JDK's server chooses. */
    HttpContext contextFor(String rawPath) {
        WireContext best = null;
        for (WireContext context : contexts.values()) {
            if (rawPath.startsWith(context.getPath())
                    && (best == null || context.getPath().length() > best.getPath().length())) {
                best = context;
            }
        }
        return best;
    }

    Refusals refusals() {
        return refusals;
    }

    int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    int idleTimeoutMillis() {
        return IDLE_TIMEOUT_MILLIS;
    }

    void closed(Connection connection) {
        open.remove(connection);
    }

    @Override
    public void setExecutor(Executor executor) {
        throw new UnsupportedOperationException("each connection has its own thread");
    }

    @Override
    public Executor getExecutor() {
        return connections;
    }

    /** Stops accepting and closes every connection at once; the delay is not waited for. */
    @Override
    public void stop(int delay) {
        stopping = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closed already
        }
        open.forEach(Connection::drop);
        connections.shutdownNow();
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a context path starts with /: " + path);
        }
        WireContext context = new WireContext(path, handler, this);
        if (contexts.putIfAbsent(path, context) != null) {
            throw new IllegalArgumentException("context already exists: " + path);
        }
        return context;
    }

    @Override
    public HttpContext createContext(String path) {
        return createContext(path, null);
    }

    @Override
    public void removeContext(String path) {
        if (contexts.remove(path) == null) {
            throw new IllegalArgumentException("no context " + path);
        }
    }

    @Override
    public void removeContext(HttpContext context) {
        removeContext(context.getPath());
    }

    @Override
    public InetSocketAddress getAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "stub-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
