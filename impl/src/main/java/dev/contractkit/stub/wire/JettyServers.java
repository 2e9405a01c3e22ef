package dev.contractkit.stub.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server the stub runs on: Jetty, its one handler the stub's {@code RequestPath} behind
 * {@link HeadLimits}. Unlike the JDK's own server, which answers a request it cannot parse with an HTML page
 * naming a Java exception, Jetty hands such requests to an error handler: here {@link RefusalErrorHandler}, in
 * the words of the API the path names.
 */
public final class JettyServers {

    /** Header fields may take 64 KB in all (Jetty counts the request line in); the target alone 8 KB. */
    private static final int HEAD_LIMIT = 64 * 1024;

    private JettyServers() {
    }

    /**
     * A server bound to {@code address} (port 0 picks one), not yet started.
     *
     * @param readTimeout how long a connection may stay silent: while a head or body is awaited, or between requests
     * @param threads     requests served at once
     */
    public static Server create(InetSocketAddress address, Handler path, RefusalAnswers refusals, Duration readTimeout,
            int threads)
            throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(threads + 4, Math.min(4, threads)); // + acceptor and selectors
        pool.setName("stub-http");
        pool.setDaemon(true);
        Server server = new Server(pool);
        server.setStopTimeout(0);
        ServerConnector connector = new ServerConnector(server, 1, 1, new RequestLineTap(configuration()));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(readTimeout.toMillis());
        connector.open(); // binds now: a port in use fails here
        server.addConnector(connector);
        server.setHandler(new HeadLimits(path, refusals));
        server.setErrorHandler(new RefusalErrorHandler(refusals));
        return server;
    }

    public static void start(Server server) throws IOException {
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the HTTP server did not start", e);
        }
    }

    /** Stops a started server at once; its port is free again. */
    public static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop", e);
        }
    }

    /** Closes a server that {@link #create} made but that never started: its port is free again. */
    public static void discard(Server server) {
        connector(server).close(); // stop() leaves a connector alone when the server was never started
    }

    /** The address and port the server's socket is bound to, as the socket reports it. */
    public static InetSocketAddress address(Server server) {
        try {
            return (InetSocketAddress) ((java.nio.channels.ServerSocketChannel) connector(server).getTransport())
                    .getLocalAddress();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ServerConnector connector(Server server) {
        return (ServerConnector) server.getConnectors()[0];
    }

    private static HttpConfiguration configuration() {
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setSendServerVersion(false);
        configuration.setRequestHeaderSize(HEAD_LIMIT);
        // Jetty reuses a cached header field whose value matches case-insensitively, with the cached value's
        // case: "Bearer LAYER-TOKEN-1" would reach the authenticator as a listed "Bearer layer-token-1".
        configuration.setHeaderCacheCaseSensitive(true);
        // An encoded '/' in an id reaches the spec's path parameters, which name it in a 400; Jetty's default
        // refuses the whole request as ambiguous, in words that cannot name the parameter.
        configuration.setUriCompliance(UriCompliance.DEFAULT.with("stub", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        return configuration;
    }
}
