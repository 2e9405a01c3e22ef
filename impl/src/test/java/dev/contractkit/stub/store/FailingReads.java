package dev.contractkit.stub.store;

/**
 * Test-only: makes every read of an item throw, as a bug deep in the stub would, so a test can see what a client
 * gets when something really unexpected happens (not an armed fault, which answers a status on purpose).
 */
public final class FailingReads implements MemoryStore.Probe {

    private final MemoryStore store;
    private final RuntimeException failure;

    private FailingReads(MemoryStore store, RuntimeException failure) {
        this.store = store;
        this.failure = failure;
    }

    /** Until {@link #uninstall()}, every read of an item in this store throws {@code failure}. */
    public static FailingReads install(ResourceStore store, RuntimeException failure) {
        FailingReads probe = new FailingReads((MemoryStore) store, failure);
        probe.store.probe(probe);
        return probe;
    }

    public void uninstall() {
        store.probe(MemoryStore.Probe.NONE);
    }

    @Override
    public void afterRead(String id) {
        throw failure;
    }
}
