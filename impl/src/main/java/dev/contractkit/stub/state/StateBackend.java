package dev.contractkit.stub.state;

import dev.contractkit.stub.fault.Faults;
import dev.contractkit.stub.ratelimit.RateLimits;
import dev.contractkit.stub.journal.Journal;
import dev.contractkit.stub.store.JdbcStore;
import dev.contractkit.stub.store.ResourceStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a stub keeps what it remembers: the vendors' resources, the journal, the armed faults and the rate-limit
 * buckets. Chosen once, when the state is built ({@link #open}): this process's memory, or a shared sandbox's
 * PostgreSQL database that several replicas share and that outlives them. The code that uses the state never
 * asks which.
 */
public interface StateBackend extends AutoCloseable {

    /** In memory when {@code store} is null; else the store's database, connected and migrated. */
    static StateBackend open(JdbcStore store) {
        return store == null ? new MemoryBackend() : new PostgresBackend(store);
    }

    /** @param fieldOrder a collection's item fields in the order its schema declares them */
    ResourceStore resources(String vendor, Function<String, List<String>> fieldOrder);

    /** The newest {@code size} requests the vendors received. */
    Journal journal(int size);

    Faults faults();

    /** The limits "layer=100,vayu=500:50" parses to (empty for none), with their buckets kept here. */
    RateLimits rateLimits(String limits);

    /**
     * Loads the data: in memory on every start; in a database once in its life (replicas started later, or
     * restarted, find it loaded and keep what it holds).
     */
    void loadOnce(Runnable load);

    /** Where the state is, for the line a stub prints when it starts (never a password); empty in memory. */
    Optional<String> location();

    /** Empty while the stub can serve; else why not (its database is away). */
    Optional<String> down();

    @Override
    void close();
}
