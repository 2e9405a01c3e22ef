package dev.contractkit.stub.junit;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.store.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The options every server of one extension starts with. Null means StubServer's own default, so the
 * defaults live in one place.
 *
 * @param store      a shared sandbox's database, or null for memory
 * @param adminToken the token the admin API requires, or null for StubServer's default (open on loopback)
 */
record StubServerOptions(int port, Path data, Integer journalSize, String rateLimits, String vayuJwtSecret,
        List<String> layerTokens, JdbcStore store, String adminToken) {

    static final StubServerOptions DEFAULTS = new StubServerOptions(0, null, null, null, null, null, null, null);

    /** Fails on a bad option now, at build(), rather than in every test class that uses it. */
    StubServerOptions validated() {
        if (data != null && !Files.isRegularFile(data)) {
            throw new IllegalArgumentException("no data file at " + data.toAbsolutePath());
        }
        serverBuilder(); // StubServer.Builder checks the rest as they are set
        return this;
    }

    StubServer start() {
        return serverBuilder().start();
    }

    private StubServer.Builder serverBuilder() {
        StubServer.Builder builder = StubServer.builder().port(port).data(data).rateLimits(rateLimits);
        if (journalSize != null) {
            builder.journalSize(journalSize);
        }
        if (vayuJwtSecret != null) {
            builder.strictAuth(vayuJwtSecret, layerTokens);
        }
        if (store != null) {
            builder.store(store.url(), store.user(), store.password());
        }
        return builder.adminToken(adminToken);
    }

    /** Never a secret: a record's own toString would print the password, the token and the JWT secret. */
    @Override
    public String toString() {
        return "StubServerOptions[port=" + port + ", data=" + data + ", journalSize=" + journalSize + ", rateLimits="
                + rateLimits + ", strictAuth=" + (vayuJwtSecret != null) + ", store="
                + (store == null ? "memory" : store.described()) + ", adminToken=" + (adminToken == null ? "none" : "set") + "]";
    }
}
