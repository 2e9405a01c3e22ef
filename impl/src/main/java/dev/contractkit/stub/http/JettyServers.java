package dev.contractkit.stub.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server the stub runs on: Jetty, through its implementation of the JDK's HttpServer API, so
 * Jersey's jdk-http container and the stub's com.sun filters run on it unchanged. Unlike the JDK's own
 * server, which answers a request it cannot parse with an HTML page naming a Java exception, Jetty hands
 * such requests to an error handler: here {@link RefusalErrorHandler}, in the words of the API the path names.
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
    public static HttpServer create(InetSocketAddress address, VendorRefusals refusals, Duration readTimeout,
            int threads) throws IOException {
        QueuedThreadPool pool = new QueuedThreadPool(threads + 4, Math.min(4, threads)); // + acceptor and selectors
        pool.setName("stub-http");
        pool.setDaemon(true);
        Server server = new Server(pool);
        server.setStopTimeout(0);
        ServerConnector connector = new ServerConnector(server, 1, 1, new RequestLineTap(configuration()));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(readTimeout.toMillis());
        connector.open(); // binds now: a port in use fails here, as the JDK's HttpServer.create does
        server.addConnector(connector);
        RefusalAnswers answers = new RefusalAnswers(refusals);
        server.setHandler(new HeadLimits(new ContextHandlerCollection(), answers));
        server.setErrorHandler(new RefusalErrorHandler(answers));
        JettyHttpServer http = new Discardable(server);
        http.bind(address, 0); // finds the connector above bound to the port, and uses it
        return http;
    }

    /** Closes a server that {@link #create} made but that never started: its port is free again. */
    public static void discard(HttpServer http) {
        ((Discardable) http).discard();
    }

    private static final class Discardable extends JettyHttpServer {
        Discardable(Server server) {
            super(server, false);
        }

        void discard() {
            stop(0);
            for (var connector : getServer().getConnectors()) {
                if (connector instanceof ServerConnector bound) {
                    bound.close(); // stop() leaves a connector alone when the server was never started
                }
            }
        }
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
