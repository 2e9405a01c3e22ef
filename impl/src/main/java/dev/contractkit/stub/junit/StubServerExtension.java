package dev.contractkit.stub.junit;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.store.JdbcStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link StubServer} for tests, like WireMock's extension:
 * <pre>{@code @RegisterExtension static StubServerExtension stub = StubServerExtension.newInstance().rateLimits("layer=5:5").build();}</pre>
 * In a static field one server serves the whole class (JUnit calls beforeAll only then); in an instance field
 * each test gets its own. Either way the server is reset before each test (data back to the loaded one, empty
 * journal, no faults, full rate-limit buckets), so seed in {@code @BeforeEach} or the test, not {@code @BeforeAll}.
 * A test or lifecycle method parameter of type {@link StubServer} gets the running server.
 */
public final class StubServerExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private final StubServerOptions options;
    private Running running;

    /** The server and the context (class or test) that started it, which alone stops it. */
    private record Running(StubServer server, String owner) {
    }

    /** For {@link StubServerTest}: the defaults. */
    StubServerExtension() {
        this(StubServerOptions.DEFAULTS);
    }

    private StubServerExtension(StubServerOptions options) {
        this.options = options;
    }

    public static Builder newInstance() {
        return new Builder();
    }

    /** The running server; fails outside the tests it serves. */
    public synchronized StubServer server() {
        if (running == null) {
            throw new IllegalStateException("the stub server is not running: it runs while the tests it serves run");
        }
        return running.server();
    }

    /** The base URL a vendor client points at, e.g. http://127.0.0.1:54321/vayu. */
    public String url(Vendor vendor) {
        return server().url(vendor);
    }

    /** Its options, never a secret of them (the store's password, the admin token), so a log line may print it. */
    @Override
    public String toString() {
        return "StubServerExtension[" + options + "]";
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startUnlessRunning(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startUnlessRunning(context).reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StubServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return server();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException("no stub server yet for " + parameter.getDeclaringExecutable()
                    + ": one in an instance field starts before each test, so @BeforeAll and constructors cannot have it", e);
        }
    }

    // A @Nested class inherits the running server: only the context that started it stops it.
    private synchronized StubServer startUnlessRunning(ExtensionContext context) {
        if (running == null) {
            running = new Running(options.start(), context.getUniqueId());
        }
        return running.server();
    }

    private synchronized void stopIfStartedBy(ExtensionContext context) {
        if (running != null && running.owner().equals(context.getUniqueId())) {
            try {
                running.server().close();
            } finally {
                running = null;
            }
        }
    }

    /** Options of the servers an extension starts; {@link #build()} checks them all and fixes them. */
    public static final class Builder {
        private int port;
        private Path data;
        private Integer journalSize;
        private String rateLimits;
        private String vayuJwtSecret;
        private List<String> layerTokens;
        private String storeUrl;
        private String storeUser;
        private String storePassword;
        private String adminToken;

        private Builder() {
        }

        /** 0 (the default) picks a free port, which tests running side by side need. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Customers to start with, and reset to, instead of the embedded default data. */
        public Builder data(Path file) {
            this.data = file;
            return this;
        }

        /** How many requests the journal keeps (default 1000). */
        public Builder journalSize(int size) {
            this.journalSize = size;
            return this;
        }

        /** The vendors' rate limits, e.g. "layer=10:5" (see {@link StubServer.Builder#rateLimits}). */
        public Builder rateLimits(String limits) {
            this.rateLimits = limits;
            return this;
        }

        /** Verifies tokens: Vayu's as HS256 JWTs with this secret (32 bytes or more), Layer's against this list. */
        public Builder strictAuth(String vayuJwtSecret, List<String> layerTokens) {
            this.vayuJwtSecret = Objects.requireNonNull(vayuJwtSecret, "Vayu JWT secret");
            this.layerTokens = List.copyOf(layerTokens);
            return this;
        }

        /**
         * Keeps the state in this PostgreSQL database (a shared sandbox) instead of memory, as the CLI's
         * {@code --store}: {@code jdbc:postgresql://host:port/database}, user and password may be null (see
         * {@link StubServer.Builder#store}). Every stub on it serves the same state, so the reset before each test
         * resets it for all of them. The password is never printed.
         */
        public Builder store(String jdbcUrl, String user, String password) {
            this.storeUrl = Objects.requireNonNull(jdbcUrl, "store URL");
            this.storeUser = user;
            this.storePassword = password;
            return this;
        }

        /** The token the admin API and console require (X-Admin-Token), as the CLI's {@code --admin-token}. */
        public Builder adminToken(String token) {
            this.adminToken = token;
            return this;
        }

        /** @throws IllegalArgumentException on a bad option, so a mistake fails where it is written */
        public StubServerExtension build() {
            JdbcStore store = storeUrl == null ? null : JdbcStore.of(storeUrl, storeUser, storePassword);
            return new StubServerExtension(new StubServerOptions(port, data, journalSize, rateLimits,
                    vayuJwtSecret, layerTokens, store, adminToken).validated());
        }
    }
}
