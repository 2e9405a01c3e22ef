package dev.contractkit.stub.store;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only: forces the interleaving that loses updates, instead of hoping for it. Armed for a round of
 * {@code writers} requests on one scope, it lets no request past its read of the item until every other request
 * of the round has read it too, or waits for the scope's lock. With the lock, requests still go one at a time;
 * without it, all of them read the same item before any writes, so every write but the last is lost, every time.
 */
public final class ReadersHeldTogether implements MemoryStore.Probe {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MemoryStore store;
    private final String collection;
    private final String scope;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Thread> arrived = ConcurrentHashMap.newKeySet();
    private final Set<Thread> read = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch allArrived;
    private volatile String problem;

    private ReadersHeldTogether(MemoryStore store, String collection, String scope) {
        this.store = store;
        this.collection = collection;
        this.scope = scope;
    }

    /** Installed on the store of one collection's scope (its path template; "" or a Layer business id). */
    public static ReadersHeldTogether install(ResourceStore store, String collection, String scope) {
        ReadersHeldTogether probe = new ReadersHeldTogether((MemoryStore) store, collection, scope);
        probe.store.probe(probe);
        return probe;
    }

    public void uninstall() {
        store.probe(MemoryStore.Probe.NONE);
    }

    /** The next {@code writers} requests on the scope are one round, held together. */
    public void arm(int writers) {
        arrived.clear();
        read.clear();
        problem = null;
        allArrived = new CountDownLatch(writers);
    }

    /** Requests pass freely again. */
    public void disarm() {
        allArrived = null;
    }

    /** Why the last round could not be held together (a request that never came), or null. */
    public String problem() {
        return problem;
    }

    @Override
    public void beforeLock(String collection, String scope) {
        CountDownLatch round = allArrived;
        if (round == null || !this.collection.equals(collection) || !this.scope.equals(scope)
                || !arrived.add(Thread.currentThread())) {
            return;
        }
        round.countDown();
        try {
            if (!round.await(PATIENCE_NANOS, TimeUnit.NANOSECONDS)) {
                problem = "only " + arrived.size() + " requests of the round reached the store";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void afterRead(String id) {
        Thread me = Thread.currentThread();
        if (allArrived == null || !arrived.contains(me) || !read.add(me)) {
            return;
        }
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!everyOtherHasReadOrWaitsForTheLock(me)) {
            if (System.nanoTime() > deadline) {
                problem = "a request read and waited for the others in vain";
                return;
            }
            Thread.onSpinWait();
        }
    }

    private boolean everyOtherHasReadOrWaitsForTheLock(Thread me) {
        for (Thread other : arrived) {
            if (other != me && !read.contains(other) && !blockedOnAScope(other)) {
                return false;
            }
        }
        return true;
    }

    /** Blocked entering a scope's synchronized block: what every other writer does while the lock works. */
    private boolean blockedOnAScope(Thread thread) {
        ThreadInfo info = threads.getThreadInfo(thread.getId());
        LockInfo lock = info == null ? null : info.getLockInfo();
        return info != null && info.getThreadState() == Thread.State.BLOCKED && lock != null
                && lock.getClassName().equals(MemoryStore.MemoryScope.class.getName());
    }
}
