package dev.contractkit.stub.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The admin API's application is made by its first caller only, once, however many ask at the same time. */
class OnFirstUseTest {

    @Test
    void nothingIsMadeBeforeTheFirstCallAndOnceForCallersAtTheSameTime() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        OnFirstUse<Object> value = new OnFirstUse<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        assertEquals(0, made.get());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(pool.submit(() -> {
                    go.await();
                    return value.get();
                }));
            }
            go.countDown();
            Object first = asked.get(0).get();
            for (Future<Object> each : asked) {
                assertSame(first, each.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, made.get());
    }

    @Test
    void aMakingThatFailsIsTriedAgainByTheNextCaller() {
        AtomicInteger tries = new AtomicInteger();
        OnFirstUse<String> value = new OnFirstUse<>(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("first try fails");
            }
            return "made";
        });
        assertEquals("first try fails", assertThrows(IllegalStateException.class, value::get).getMessage());
        assertEquals("made", value.get());
        assertEquals("made", value.get());
        assertEquals(2, tries.get());
    }
}
