package dev.contractkit.stub.junit;

import dev.contractkit.stub.StubServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The options every server of one extension starts with. Null means StubServer's own default, so the
 * defaults live in one place.
 */
record StubServerOptions(int port, Path data, Integer journalSize, String rateLimits, String vayuJwtSecret,
        List<String> layerTokens) {

    static final StubServerOptions DEFAULTS = new StubServerOptions(0, null, null, null, null, null);

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
        return builder;
    }
}
