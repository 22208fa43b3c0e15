package io.ptimer.agent.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskPoolTest {

    private static long inSeconds(int s) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(s);
    }

    @Test
    void tasksRunOnNamedDaemonThreadsAndAThrowingTaskIsCounted() throws Exception {
        TaskPool pool = new TaskPool("pool-test", 3, 100, false, 0);
        pool.start();
        Set<String> names = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(60);
        for (int i = 0; i < 60; i++) {
            int n = i;
            assertTrue(pool.submit(() -> {
                names.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? "" : " (not daemon)"));
                done.countDown();
                if (n % 10 == 0) {
                    throw new IllegalStateException("task " + n);
                }
            }));
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        pool.close(inSeconds(5));
        assertTrue(pool.awaitStop(inSeconds(5)));
        assertTrue(Set.of("pool-test-0", "pool-test-1", "pool-test-2").containsAll(names), names::toString);
        assertEquals(60, pool.completed());
        assertEquals(6, pool.errors());
    }

    @Test
    void aFullNonBlockingQueueRefusesAtOnce() throws Exception {
        TaskPool pool = new TaskPool("pool-full", 1, 2, true, 0);
        CountDownLatch gate = new CountDownLatch(1);
        pool.start();
        CountDownLatch taken = new CountDownLatch(1);
        assertTrue(pool.submit(() -> {
            taken.countDown();
            await(gate);
        }));
        assertTrue(taken.await(10, TimeUnit.SECONDS), "the worker takes the first task");
        assertTrue(pool.submit(() -> { }));
        assertTrue(pool.submit(() -> { }));
        long t0 = System.nanoTime();
        assertFalse(pool.submit(() -> { }), "full");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "at once");
        assertEquals(2, pool.queued());
        assertEquals(2, pool.bound());
        gate.countDown();
        pool.close(inSeconds(5));
        assertTrue(pool.awaitStop(inSeconds(5)));
        assertEquals(3, pool.completed(), "what was queued before close ran");
    }

    @Test
    void closingRunsWhatIsQueuedUntilTheDeadlineOnly() throws Exception {
        TaskPool pool = new TaskPool("pool-close", 1, 100, false, 0);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            pool.submit(() -> {
                ran.incrementAndGet();
                sleep(20);
            });
        }
        pool.start();
        pool.close(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));
        assertFalse(pool.submit(ran::incrementAndGet), "closed");
        assertTrue(pool.awaitStop(inSeconds(5)));
        assertTrue(ran.get() > 0 && ran.get() < 50, "ran " + ran.get() + " of 50 before the deadline");
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
