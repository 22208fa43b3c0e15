package io.ptimer.samples.calls;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker's sliding-window budgets: at most {@code count} relays in any window of a given
 * length. A sync timer runs its loop on a grid, but each wake-up is late by a different amount; a
 * later wake-up followed by an earlier one puts two loops' relays into one window. The guard waits
 * out that difference (microseconds, usually) so the upstream's hard window is never broken. It is
 * meant for one thread.
 */
public final class WindowGuard {
    private static final AtomicLong HELD = new AtomicLong();
    private static final AtomicLong LONGEST_WAIT = new AtomicLong();

    private final Budget[] budgets;

    /** A budget of {@code count} relays in any window of {@code windowNanos}. */
    public record Limit(int count, long windowNanos) {
    }

    public WindowGuard(Limit... limits) {
        budgets = new Budget[limits.length];
        for (int i = 0; i < limits.length; i++) {
            budgets[i] = new Budget(limits[i]);
        }
    }

    /** Waits until one more relay fits into every budget. */
    public void awaitRoom() {
        awaitRoom(false, 0);
    }

    /**
     * Waits until one more relay fits into every budget, but not past {@code deadline} (on
     * {@link System#nanoTime()}): returns false at once if the room comes only after it.
     */
    public boolean awaitRoom(long deadline) {
        return awaitRoom(true, deadline);
    }

    private boolean awaitRoom(boolean bounded, long deadline) {
        long first = System.nanoTime();
        boolean held = false;
        for (;;) {
            long now = System.nanoTime();
            long wait = 0;
            for (Budget b : budgets) {
                wait = Math.max(wait, b.waitFrom(now));
            }
            if (wait == 0) {
                if (held) {
                    HELD.incrementAndGet();
                    LONGEST_WAIT.accumulateAndGet(now - first, Math::max);
                }
                return true;
            }
            if (bounded && now + wait - deadline >= 0) {
                return false;
            }
            held = true;
            LockSupport.parkNanos(wait);
        }
    }

    /** Records a relay that happened at {@code nanos}. */
    public void record(long nanos) {
        for (Budget b : budgets) {
            b.record(nanos);
        }
    }

    /** How many relays, in all guards of this JVM, had to wait. */
    public static long held() {
        return HELD.get();
    }

    /** The longest any relay waited, in microseconds. */
    public static long longestWaitMicros() {
        return TimeUnit.NANOSECONDS.toMicros(LONGEST_WAIT.get());
    }

    private static final class Budget {
        private final long window;
        private final long[] times;
        private int next;
        private int filled;

        Budget(Limit limit) {
            this.window = limit.windowNanos();
            this.times = new long[Math.max(1, limit.count())];
        }

        /** How long from {@code now} until one more relay fits, 0 if it fits now. */
        long waitFrom(long now) {
            return filled < times.length ? 0 : Math.max(0, times[next] + window - now);
        }

        void record(long nanos) {
            times[next] = nanos;
            next = (next + 1) % times.length;
            filled = Math.min(filled + 1, times.length);
        }
    }
}
