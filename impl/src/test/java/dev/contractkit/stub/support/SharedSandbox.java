package dev.contractkit.stub.support;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.support.TestPostgres;
import java.util.ArrayList;
import java.util.List;

/** Test-only: stub replicas sharing one fresh PostgreSQL database of the test cluster. */
public final class SharedSandbox implements AutoCloseable {

    public final String url = TestPostgres.get().newDatabase();
    private final List<StubServer> started = new ArrayList<>();

    /** A replica with these options, on this sandbox's database. */
    public StubServer replica(StubServer.Builder options) {
        StubServer stub = options.store(url, TestPostgres.USER, TestPostgres.PASSWORD).start();
        synchronized (started) { // replicas may start together
            started.add(stub);
        }
        return stub;
    }

    public StubServer replica() {
        return replica(StubServer.builder());
    }

    /** Stops every replica started so far (the database keeps their state). */
    @Override
    public void close() {
        synchronized (started) {
            started.forEach(StubServer::close);
            started.clear();
        }
    }
}
