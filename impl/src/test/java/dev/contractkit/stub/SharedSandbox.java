package dev.contractkit.stub;

import dev.contractkit.stub.store.TestPostgres;
import java.util.ArrayList;
import java.util.List;

/** Test-only: stub replicas sharing one fresh PostgreSQL database of the test cluster. */
final class SharedSandbox implements AutoCloseable {

    final String url = TestPostgres.get().newDatabase();
    private final List<StubServer> started = new ArrayList<>();

    /** A replica with these options, on this sandbox's database. */
    StubServer replica(StubServer.Builder options) {
        StubServer stub = options.store(url, TestPostgres.USER, TestPostgres.PASSWORD).start();
        synchronized (started) { // replicas may start together
            started.add(stub);
        }
        return stub;
    }

    StubServer replica() {
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
