package io.ptimer.agent.ptimer;

import io.ptimer.api.TimerContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routes whose loop runs long (5 ms) every 25th time and is short otherwise, so that a shared worker
 * keeps moving to a thread of its own and back; they count routes that ran at the same time.
 */
public class Flapper {
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger OVERLAPS = new AtomicInteger();
    static final AtomicInteger STARTS = new AtomicInteger();
    static final AtomicInteger ENDS = new AtomicInteger();
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    private int loops;

    static void reset() {
        RUNNING.set(0);
        OVERLAPS.set(0);
        STARTS.set(0);
        ENDS.set(0);
        THREADS.clear();
    }

    public void start(TimerContext ctx) {
        enter();
        STARTS.incrementAndGet();
        leave();
    }

    public void loop(TimerContext ctx) throws InterruptedException {
        enter();
        THREADS.add(Thread.currentThread().getName());
        if (++loops % 25 == 0) {
            Thread.sleep(5);
        }
        leave();
    }

    public void end(TimerContext ctx) {
        enter();
        ENDS.incrementAndGet();
        leave();
    }

    private static void enter() {
        if (RUNNING.incrementAndGet() > 1) {
            OVERLAPS.incrementAndGet();
        }
    }

    private static void leave() {
        RUNNING.decrementAndGet();
    }
}
