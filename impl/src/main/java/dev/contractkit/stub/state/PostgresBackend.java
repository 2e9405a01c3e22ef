package dev.contractkit.stub.state;

import dev.contractkit.stub.fault.Faults;
import dev.contractkit.stub.ratelimit.PostgresBuckets;
import dev.contractkit.stub.fault.PostgresFaults;
import dev.contractkit.stub.ratelimit.RateLimits;
import dev.contractkit.stub.journal.Journal;
import dev.contractkit.stub.journal.PostgresJournal;
import dev.contractkit.stub.store.Database;
import dev.contractkit.stub.store.JdbcStore;
import dev.contractkit.stub.store.PostgresStore;
import dev.contractkit.stub.store.ResourceStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A shared sandbox's state: every part of it in one PostgreSQL database, which the replicas on it share. */
final class PostgresBackend implements StateBackend {

    private final Database database;

    /** Connects (failing fast with a message naming the database, never its password) and migrates the schema. */
    PostgresBackend(JdbcStore store) {
        this.database = Database.open(store);
    }

    @Override
    public ResourceStore resources(String vendor, Function<String, List<String>> fieldOrder) {
        return new PostgresStore(database, vendor, fieldOrder);
    }

    @Override
    public Journal journal(int size) {
        return new PostgresJournal(database, size);
    }

    @Override
    public Faults faults() {
        return new PostgresFaults(database);
    }

    @Override
    public RateLimits rateLimits(String limits) {
        return RateLimits.parse(limits, new PostgresBuckets(database));
    }

    @Override
    public void loadOnce(Runnable load) {
        database.loadOnce(load);
    }

    @Override
    public Optional<String> location() {
        return Optional.of(database.toString());
    }

    @Override
    public Optional<String> down() {
        return database.down();
    }

    @Override
    public void close() {
        database.close();
    }
}
