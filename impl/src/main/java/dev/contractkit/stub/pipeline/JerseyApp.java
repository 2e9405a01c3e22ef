package dev.contractkit.stub.pipeline;

import dev.contractkit.stub.wire.Exchange;
import dev.contractkit.stub.wire.RequestBody;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

/**
 * One API's Jersey application, run on an {@link Exchange}: the Jersey container of the stub, in place of
 * Jersey's jdk-http one and the JDK HttpServer API under it. It hands Jersey the request with what the path
 * already knows as request properties ({@link Arrival}), and sends Jersey's answer whole, with its length.
 * Built once a JVM per API and shared by every stub in it (building Jersey's applications took ~90% of a
 * further stub's start): what differs per stub travels in the {@link Arrival}.
 */
public final class JerseyApp implements Container {

    /** The base URI by authority ("127.0.0.1:8080"): the same few for the life of a stub; bounded all the same. */
    private static final int KNOWN_BASES = 64;

    private final ApplicationHandler application;
    private final String prefix;
    private final Map<String, URI> bases = new ConcurrentHashMap<>();

    public JerseyApp(String prefix, ResourceConfig config) {
        this.prefix = prefix;
        this.application = new ApplicationHandler(config);
        application.onStartup(this);
    }

    /** Runs the request through Jersey (the pipeline, the matched resource method) and answers on the exchange. */
    public void serve(Exchange exchange, Arrival arrival) {
        URI uri = exchange.uri();
        Writer writer = new Writer(exchange);
        ContainerRequest request = new ContainerRequest(base(uri), uri, exchange.method(), Insecure.CONTEXT,
                new MapPropertiesDelegate(), application.getConfiguration());
        request.setProperty(Arrival.PROPERTY, arrival);
        RequestBody body = exchange.body();
        request.setEntityStream(new ByteArrayInputStream(body == null ? new byte[0] : body.bytes()));
        exchange.forEachHeader(request.getHeaders()::add);
        request.setWriter(writer);
        application.handle(request);
        writer.commit(); // an answer Jersey left uncommitted still goes out
    }

    /** http://authority/prefix/, as the jdk-http container made it from the Host field. */
    private URI base(URI uri) {
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        URI known = bases.get(authority);
        if (known == null) {
            known = URI.create(uri.getScheme() + "://" + authority + "/" + prefix + "/");
            if (bases.size() >= KNOWN_BASES) {
                bases.clear();
            }
            bases.put(authority, known);
        }
        return known;
    }

    /** Keeps Jersey's answer and sends it whole when Jersey commits it. */
    private static final class Writer implements ContainerResponseWriter {
        private final Exchange exchange;
        private ContainerResponse response;
        private ByteArrayOutputStream body;
        private boolean committed;

        Writer(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse context)
                throws ContainerException {
            this.response = context;
            this.body = new ByteArrayOutputStream(contentLength > 0 ? (int) Math.min(contentLength, 1 << 20) : 1024);
            return body;
        }

        @Override
        public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
            return false; // no asynchronous resources
        }

        @Override
        public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
            throw new IllegalStateException("no asynchronous resources");
        }

        @Override
        public void commit() {
            if (committed) {
                return;
            }
            committed = true;
            if (response == null) {
                exchange.answer(500, null, new byte[0]);
                return;
            }
            String type = null;
            // Jersey's string view of the headers converts every value again on each read: read it once.
            for (Map.Entry<String, List<String>> header : response.getStringHeaders().entrySet()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey())) {
                    type = header.getValue().isEmpty() ? null : header.getValue().get(0);
                } else if (!"Content-Length".equalsIgnoreCase(header.getKey())) {
                    exchange.setHeader(header.getKey(), String.join(", ", header.getValue()));
                }
            }
            exchange.answer(response.getStatus(), type, body.toByteArray());
        }

        @Override
        public void failure(Throwable error) {
            // What no exception mapper answered (ErrorMapper answers all): a bare 500, as Jersey's own containers.
            if (!committed) {
                committed = true;
                exchange.answer(500, null, new byte[0]);
            }
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ContainerException(error);
        }

        @Override
        public boolean enableResponseBuffering() {
            return false; // the answer is kept whole here
        }
    }

    /** Plain HTTP, nobody signed in: the stub checks credentials itself, in the pipeline. */
    private enum Insecure implements SecurityContext {
        CONTEXT;

        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    }

    @Override
    public ResourceConfig getConfiguration() {
        return application.getConfiguration();
    }

    @Override
    public ApplicationHandler getApplicationHandler() {
        return application;
    }

    @Override
    public void reload() {
        throw new UnsupportedOperationException("the stub's applications are not reloaded");
    }

    @Override
    public void reload(ResourceConfig configuration) {
        reload();
    }
}
