package dev.contractkit.stub.store;

import dev.contractkit.stub.support.TestPostgres;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared sandbox's database, as two replicas starting together on an empty one see it. */
class DatabaseTest {

    /** A load slow enough that, without the lock, the second replica would find nothing loaded yet and load too. */
    @Test
    void twoReplicasStartingTogetherLoadTheDataOnce() throws Exception {
        JdbcStore store = JdbcStore.of(TestPostgres.get().newDatabase(), TestPostgres.USER, TestPostgres.PASSWORD);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch both = new CountDownLatch(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try (Database a = Database.open(store); Database b = Database.open(store)) {
            Future<?> first = replicas.submit(() -> start(a, both, loads));
            Future<?> second = replicas.submit(() -> start(b, both, loads));
            first.get();
            second.get();
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(1, loads.get());
    }

    private static void start(Database db, CountDownLatch both, AtomicInteger loads) {
        both.countDown();
        try {
            both.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.loadOnce(() -> {
            loads.incrementAndGet();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
