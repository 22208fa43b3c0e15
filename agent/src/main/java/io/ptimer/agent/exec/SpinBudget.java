package io.ptimer.agent.exec;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much the {@link Precision#HYBRID} waits of one process may spin: each wait by its interval,
 * all of them together by a share of one core. Lock-free; any lane's thread may ask.
 *
 * <p>A periodic wait may spin, on average, {@value #SHARE_PERCENT}% of its interval: with the cost of
 * waking up from a park, about a tenth of a core for a 1 ms timer. Together the process's waits spin
 * at most {@value #PROCESS_PERCENT}% of one core in any {@value #WINDOW_NANOS} ns window, and no more
 * of them at once than half the processors (at least one), so that waits whose deadlines meet never
 * take every core from each other and the host; a wait that finds the window spent, or enough others
 * spinning, parks to its deadline instead.
 */
final class SpinBudget {
    static final int SHARE_PERCENT = 7;
    static final int PROCESS_PERCENT = 50;
    static final long WINDOW_NANOS = 100_000_000;
    private static final long WINDOW_LIMIT = WINDOW_NANOS * PROCESS_PERCENT / 100;
    private static final AtomicLong SPENT = new AtomicLong();
    private static final AtomicLong WINDOW_START = new AtomicLong(System.nanoTime());
    static final int MAX_SPINNING = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final AtomicInteger SPINNING = new AtomicInteger();

    private SpinBudget() {
    }

    /** What a wait for a periodic deadline may spin, on average, at this interval (ns). */
    static long perWait(long intervalNanos) {
        return intervalNanos * SHARE_PERCENT / 100;
    }

    /** Whether the process's window still has time to spin, as of {@code now}. */
    static boolean available(long now) {
        long start = WINDOW_START.get();
        if (now - start >= WINDOW_NANOS && WINDOW_START.compareAndSet(start, now)) {
            SPENT.set(0);
        }
        return SPENT.get() < WINDOW_LIMIT;
    }

    /**
     * Whether a wait may start to spin as of {@code now}; when it may, it must call {@link #endSpin}
     * as it stops.
     */
    static boolean startSpin(long now) {
        if (!available(now)) {
            return false;
        }
        if (SPINNING.incrementAndGet() > MAX_SPINNING) {
            SPINNING.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Ends a spin that {@link #startSpin} allowed, counting its {@code nanos} against the window. */
    static void endSpin(long nanos) {
        SPENT.addAndGet(nanos);
        SPINNING.decrementAndGet();
    }
}
