package io.ptimer.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The call queue of the shaping scenario: a burst of {@code bench.burst} calls is queued at once,
 * and a shaper relays them; each relay is stamped with {@link System#nanoTime()}.
 */
final class Calls {
    static final int BURST = Integer.getInteger("bench.burst", 5000);
    static final LinkedBlockingQueue<Integer> QUEUE = new LinkedBlockingQueue<>();
    private static final long[] RELAYED = new long[BURST];
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final CountDownLatch DRAINED = new CountDownLatch(1);

    private Calls() {
    }

    /** Relays the next queued call; {@code false} when the queue is empty. */
    static boolean relayNext() {
        Integer call = QUEUE.poll();
        if (call == null) {
            return false;
        }
        relay(call);
        return true;
    }

    static void relay(int call) {
        RELAYED[call] = System.nanoTime();
        if (COUNT.incrementAndGet() == BURST) {
            DRAINED.countDown();
        }
    }

    /** Queues the whole burst and returns when it began. */
    static long burst() {
        long start = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            QUEUE.add(i);
        }
        return start;
    }

    static void awaitDrained() throws InterruptedException {
        DRAINED.await();
    }

    static long[] relayed() {
        return RELAYED.clone();
    }
}
