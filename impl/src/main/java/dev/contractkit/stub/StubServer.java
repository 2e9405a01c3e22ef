package dev.contractkit.stub;

import dev.contractkit.stub.auth.Authenticator;
import dev.contractkit.stub.auth.JwtAuthenticator;
import dev.contractkit.stub.auth.TokenListAuthenticator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contractkit.stub.admin.AdminAccess;
import dev.contractkit.stub.admin.AdminTokenCheck;
import dev.contractkit.stub.fault.FaultStep;
import dev.contractkit.stub.ratelimit.RateLimitStep;
import dev.contractkit.stub.pipeline.Arrival;
import dev.contractkit.stub.pipeline.JerseyApp;
import dev.contractkit.stub.pipeline.OnFirstUse;
import dev.contractkit.stub.http.RequestPath;
import dev.contractkit.stub.pipeline.RequestPipeline;
import dev.contractkit.stub.spec.ValidatedRequest;
import org.eclipse.jetty.server.Server;
import dev.contractkit.stub.error.AdminErrorFormat;
import dev.contractkit.stub.console.ConsoleFiles;
import dev.contractkit.stub.admin.AdminResource;
import dev.contractkit.stub.admin.HealthStatus;
import dev.contractkit.stub.admin.CrossSiteGuard;
import dev.contractkit.stub.ratelimit.RateLimits;
import dev.contractkit.stub.pipeline.Api;
import dev.contractkit.stub.pipeline.ApiApplication;
import dev.contractkit.stub.spec.Json;
import dev.contractkit.stub.wire.VendorRefusals;
import dev.contractkit.stub.wire.JettyServers;
import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.pipeline.GeneratedResources;
import dev.contractkit.stub.spec.OpenApiSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A running stub of every vendor whose spec it packages, each under /NAME (specs/NAME.yaml: Vayu under /vayu,
 * Layer under /layer, ...), and the admin API under /__admin, on one port.
 * Started from {@link #builder()}; {@link #close()} stops it.
 */
public final class StubServer implements AutoCloseable {

    /** The bearer token the ready clients send. */
    public static final String TEST_TOKEN = "contract-kit-test-token";

    /** Jersey warns at every start that an optional jakarta.activation provider is absent: it is not needed. */
    private static final java.util.logging.Logger JERSEY_PROVIDERS =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.message.internal.MessagingBinders");

    /**
     * Jersey looks for a class overriding each generated interface method it is handed, finds the proxy's none,
     * and says so at INFO with the method's Java signature: nothing is wrong, and no signature belongs in a log.
     */
    private static final java.util.logging.Logger JERSEY_REFLECTION =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.util.ReflectionHelper");

    /** Jetty logs its version and every start at INFO; the stub prints its own line. */
    private static final String JETTY_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.eclipse.jetty";

    /** Jetty's MemoryUtils: how many object references fit a 64-byte cache line. */
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        JERSEY_PROVIDERS.setLevel(java.util.logging.Level.SEVERE);
        JERSEY_REFLECTION.setLevel(java.util.logging.Level.WARNING);
        if (System.getProperty(JETTY_LOG_LEVEL) == null) {
            System.setProperty(JETTY_LOG_LEVEL, "warn");
        }
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            // Told, Jetty does not start the JVM's whole JMX platform (~50 ms, 95 classes) to ask whether
            // references are compressed, which they are under 32 GB of heap; it only pads its queues with it.
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE,
                    Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
    }

    private final Server http;
    private final InetSocketAddress bound;
    /** Each vendor's Jersey application, by its prefix: one a JVM, shared by its stubs (see {@link #application}). */
    private static final Map<String, JerseyApp> APPLICATIONS = new ConcurrentHashMap<>();
    private static final String ADMIN_PREFIX = "__admin";
    /**
     * The admin API and its Jersey application, one a JVM like the vendors' but built at the first admin call:
     * a first start spent a third of its time on it, and most tests never call the admin API.
     */
    private static final OnFirstUse<RequestPath.Served> ADMIN = new OnFirstUse<>(StubServer::adminApplication);
    private final StubState state;
    private final URI baseUri;
    private final AdminAccess adminAccess;

    private StubServer(Builder options) throws IOException {
        adminAccess = AdminAccess.decide(options.host, options.adminToken);
        // The vendors' specs and data are read (and a shared sandbox's database opened) on a thread of their own
        // while the server and the admin API are built: a first start in a fresh JVM is mostly class loading, and
        // this way two cores share it.
        CompletableFuture<StubState> loading = CompletableFuture.supplyAsync(() -> new StubState(options.dataFile,
                options.journalSize, options.rateLimits, options.vayuJwtSecret, options.store), StubServer::onOwnThread);
        RequestPath path = new RequestPath(new VendorRefusals());
        try {
            // Not the JDK's HttpServer: it answers requests it cannot parse itself, in HTML naming Java exceptions.
            http = JettyServers.create(new InetSocketAddress(options.host, options.port), path, path.refusals(),
                    options.readTimeout, options.threads);
        } catch (IOException | RuntimeException e) {
            loading.thenAccept(StubState::close); // a shared sandbox's connections, once opened
            throw e;
        }
        try {
            path.mountAdmin(ADMIN_PREFIX, ADMIN, new CrossSiteGuard(adminAccess.open()), new ConsoleFiles(),
                    adminAccess.open() ? null : new AdminTokenCheck(adminAccess.token()), loading::join);
            state = loaded(loading);
            for (Vendor vendor : state.vendors()) {
                mountVendor(path, vendor, options.auth.getOrDefault(vendor, Authenticator.ANY_BEARER_TOKEN));
            }
            String prefixes = String.join(", ", state.vendors().stream().map(v -> "/" + v.prefix()).toList());
            path.rootNotFound("{\"message\":\"No such path: the vendors are under " + prefixes
                    + ", the admin API under /__admin\"}");
            JettyServers.start(http);
        } catch (IOException | RuntimeException | Error e) {
            JettyServers.discard(http);
            loading.thenAccept(StubState::close);
            throw e;
        }
        bound = JettyServers.address(http);
        baseUri = URI.create("http://" + hostForUri(options.host) + ":" + bound.getPort());
    }

    private static void onOwnThread(Runnable work) {
        Thread thread = new Thread(work, "stub-state-loading");
        thread.setDaemon(true);
        thread.start();
    }

    /** The state once loaded; what failed to load (bad data, a spec that does not read) thrown as it was. */
    private static StubState loaded(CompletableFuture<StubState> loading) {
        try {
            return loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return bound.getPort();
    }

    /** The address and port the server's socket is bound to, as the socket reports it (not as asked for). */
    InetSocketAddress boundAddress() {
        return bound;
    }

    /** http://host:port, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The base URL a vendor client points at, e.g. http://127.0.0.1:8080/vayu. */
    public String url(Vendor vendor) {
        state.vendor(vendor); // a vendor this stub does not serve fails here, naming those it does
        return baseUri + "/" + vendor.prefix();
    }

    /** The base URL of the vendor of specs/NAME.yaml, e.g. {@code url("clerk")}. */
    public String url(String vendor) {
        return url(Vendor.named(vendor));
    }

    /**
     * One of a vendor's generated client APIs (any vendor: {@code client(Vendor.named("clerk"), UsersApi.class)})
     * pointed at this stub, with a bearer token the default auth accepts.
     */
    public <T> T client(Vendor vendor, Class<T> api) {
        return TestAccess.client(vendor, api, url(vendor), TEST_TOKEN);
    }

    /**
     * The token admin calls must send in the X-Admin-Token header: the configured one, or the one this stub
     * made because it is bound off loopback; empty when admin access is open (loopback, none configured).
     */
    public java.util.Optional<String> adminToken() {
        return java.util.Optional.ofNullable(adminAccess.token());
    }

    /** Whether this stub made its admin token itself (bound off loopback, none configured): someone must be told it. */
    public boolean adminTokenGenerated() {
        return adminAccess.generated();
    }

    /** The generated admin API client pointed at this stub, sending its admin token when it has one. */
    public dev.contractkit.admin.client.api.AdminApi adminClient() {
        var client = new dev.contractkit.admin.client.ApiClient().setBasePath(baseUri + "/__admin");
        adminToken().ifPresent(client::setApiKey);
        return new dev.contractkit.admin.client.api.AdminApi(client);
    }

    /** What the stub remembers: customers, journal, faults, rate-limit buckets. */
    public StubState state() {
        return state;
    }

    /** Back to the loaded data, with an empty journal, no faults and full rate-limit buckets. */
    public void reset() {
        state.reset(true);
    }

    /** A generated Vayu client pointed at this stub, with a bearer token the default auth accepts. */
    public dev.contractkit.vayu.client.api.CustomersApi vayuClient() {
        return client(Vendor.VAYU, dev.contractkit.vayu.client.api.CustomersApi.class);
    }

    /** A generated Layer client pointed at this stub, with a bearer token the default auth accepts. */
    public dev.contractkit.layer.client.api.CustomersApi layerClient() {
        return client(Vendor.LAYER, dev.contractkit.layer.client.api.CustomersApi.class);
    }

    /**
     * Stores an item, given as a generated client model in the vendor's answer shape, in the collection at
     * a path of the vendor's API (its id given, or generated), and answers it as stored: for example
     * {@code seed(Vendor.VAYU, "/meters", new Meter().name("API calls"))}. Any model class with the item's
     * JSON fields will do, so a vendor renaming its schemas does not break the call.
     */
    public <T> T seed(Vendor vendor, String collectionPath, T item) {
        return TestAccess.seed(state, vendor, collectionPath, item);
    }

    /** Stores a Vayu customer (its id given, or generated) and answers it as stored. */
    public <T> T seedVayuCustomer(T customer) {
        return seed(Vendor.VAYU, "/customers", customer);
    }

    /** Stores a Layer customer of a business (created if needed) and answers it as stored. */
    public <T> T seedLayerCustomer(java.util.UUID businessId, T customer) {
        return seed(Vendor.LAYER, "/v1/businesses/" + businessId + "/customers", customer);
    }

    /**
     * The bodies a vendor's operation received, oldest first, as generated models: for example
     * {@code received(Vendor.VAYU, "updateCustomer", UpdateCustomerRequest.class)}.
     */
    public <T> List<T> received(Vendor vendor, String operationId, Class<T> bodyType) {
        return TestAccess.received(state, vendor, operationId, bodyType);
    }

    /** Arms a fault (see specs/stub-admin.yaml): an error status, a delay or a dropped connection. */
    public dev.contractkit.admin.server.model.Fault armFault(dev.contractkit.admin.server.model.Fault fault) {
        return state.faults().arm(fault);
    }

    @Override
    public void close() {
        JettyServers.stop(http);
        state.close();
    }

    /** A vendor's API: its Jersey application, and what its steps in {@link RequestPath} need of this stub. */
    private void mountVendor(RequestPath path, Vendor vendor, Authenticator auth) {
        OpenApiSpec spec = state.spec(vendor);
        Api api = new Api(vendor.prefix(), spec, vendor.bodyLimit(), vendor.errors(), vendor.json(), true);
        JerseyApp jersey = application(vendor.prefix(), () -> ApiApplication.forVendor(api,
                GeneratedResources.of(vendor.serverApiPackage(), StubServer::answer)));
        path.mountVendor(vendor, api, jersey, auth, state.vendor(vendor).engine(), state.journal,
                new RateLimitStep(vendor, state.rateLimits), new FaultStep(vendor, state.faults, state.rateLimits));
    }

    /**
     * An API's Jersey application, built once a JVM and shared by every stub in it (each request carries its own
     * stub's authenticator and logic in its {@link Arrival}), since building Jersey's three took ~90% of a further
     * stub's start. It never shuts down.
     */
    private static JerseyApp application(String prefix, Supplier<ResourceConfig> application) {
        return APPLICATIONS.computeIfAbsent(prefix, p -> new JerseyApp(p, application.get()));
    }

    private static RequestPath.Served adminApplication() {
        Api admin = new Api(ADMIN_PREFIX, OpenApiSpec.load(dev.contractkit.stub.spec.PackagedSpecs.ADMIN), 1 << 20,
                new AdminErrorFormat(), Json.mapper(JsonInclude.Include.NON_NULL), false);
        return new RequestPath.Served(admin, new JerseyApp(admin.prefix(),
                ApiApplication.create(admin, AdminResource.class, StubState.class).register(new HealthStatus())));
    }

    /** The engine's answer to the request the pipeline validated. */
    private static jakarta.ws.rs.core.Response answer(jakarta.ws.rs.container.ContainerRequestContext context) {
        ValidatedRequest request = RequestPipeline.validated(context);
        Engine engine = Arrival.of(context).logic(Engine.class);
        Engine.Answer answer;
        try {
            answer = engine.serve(request);
        } catch (dev.contractkit.stub.refusal.StubException refused) {
            throw refused.at(request.route().operation());
        }
        return answer.body() == null ? jakarta.ws.rs.core.Response.status(answer.status()).build()
                : jakarta.ws.rs.core.Response.status(answer.status())
                        .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).entity(answer.body()).build(); // not text: parsed per answer
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Options of a stub server; checked when it starts. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Path dataFile;
        private int threads = 16;
        private Duration readTimeout = Duration.ofSeconds(10);
        private int journalSize = 1000;
        private String rateLimits;
        /** Each vendor's check of credentials; any bearer token for a vendor not in it. */
        private final Map<Vendor, Authenticator> auth = new java.util.HashMap<>();
        /** Signs the tokens Vayu's login answers: strict auth's secret, else one of this stub's own. */
        private byte[] vayuJwtSecret = randomSecret();
        private String adminToken;
        private dev.contractkit.stub.store.JdbcStore store;

        private Builder() {
        }

        /**
         * The token the admin API and console require (sent as X-Admin-Token). Without one, a stub on loopback
         * leaves them open and a stub bound elsewhere makes its own ({@link StubServer#adminToken()}).
         */
        public Builder adminToken(String token) {
            if (token != null && token.isBlank()) {
                throw new IllegalArgumentException("admin token must not be blank");
            }
            this.adminToken = token;
            return this;
        }

        /**
         * Keeps the state (resources, journal, faults, rate-limit buckets) in a PostgreSQL database instead of
         * memory, shared by every stub started on it and kept across restarts: a shared sandbox. The URL is
         * {@code jdbc:postgresql://host:port/database}; user and password may be null (then the URL's own, or the
         * driver's defaults). Its schema is created and migrated at start; an empty database gets the data loaded.
         */
        public Builder store(String jdbcUrl, String user, String password) {
            this.store = dev.contractkit.stub.store.JdbcStore.of(jdbcUrl, user, password);
            return this;
        }

        /** The address to bind; 127.0.0.1 unless told otherwise. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 (the default here) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Customers to start with instead of the embedded default data (format: docs/running.md). */
        public Builder data(Path file) {
            this.dataFile = file;
            return this;
        }

        /** Requests served at once (default 16); more wait for a thread. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** How long a connection may stay silent (default 10 s): awaiting a head or more of a body, or idle; then 400 or close. */
        Builder readTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("read timeout must be positive, was " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /** How many requests the journal keeps, newest last (default 1000; 0 keeps none). */
        public Builder journalSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("journal size must be 0 or more");
            }
            this.journalSize = size;
            return this;
        }

        /** The vendors' rate limits, e.g. "layer=100,vayu=500" (requests a second, burst 100) or "layer=10:5". */
        public Builder rateLimits(String limits) {
            RateLimits.parse(limits); // fails fast on a bad one
            this.rateLimits = limits;
            return this;
        }

        /** Verifies tokens: Vayu's as HS256 JWTs with this secret, Layer's against this list. */
        public Builder strictAuth(String vayuJwtSecret, List<String> layerTokens) {
            auth.put(Vendor.VAYU, new JwtAuthenticator(Objects.requireNonNull(vayuJwtSecret, "Vayu JWT secret")));
            this.vayuJwtSecret = vayuJwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            auth.put(Vendor.LAYER, new TokenListAuthenticator(List.copyOf(layerTokens)));
            return this;
        }

        private static byte[] randomSecret() {
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            return secret;
        }

        public StubServer start() {
            try {
                return new StubServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the stub on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
