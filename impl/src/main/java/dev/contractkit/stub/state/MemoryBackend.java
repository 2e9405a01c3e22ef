package dev.contractkit.stub.state;

import dev.contractkit.stub.fault.Faults;
import dev.contractkit.stub.fault.MemoryFaults;
import dev.contractkit.stub.ratelimit.RateLimits;
import dev.contractkit.stub.journal.Journal;
import dev.contractkit.stub.journal.MemoryJournal;
import dev.contractkit.stub.store.MemoryStore;
import dev.contractkit.stub.store.ResourceStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The state in this process's memory (the default): gone when the process ends, never down. */
final class MemoryBackend implements StateBackend {

    @Override
    public ResourceStore resources(String vendor, Function<String, List<String>> fieldOrder) {
        return new MemoryStore(); // kept in insertion order: no field order to restore
    }

    @Override
    public Journal journal(int size) {
        return new MemoryJournal(size);
    }

    @Override
    public Faults faults() {
        return new MemoryFaults();
    }

    @Override
    public RateLimits rateLimits(String limits) {
        return RateLimits.parse(limits);
    }

    @Override
    public void loadOnce(Runnable load) {
        load.run(); // a new process has nothing loaded yet
    }

    @Override
    public Optional<String> location() {
        return Optional.empty();
    }

    @Override
    public Optional<String> down() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
