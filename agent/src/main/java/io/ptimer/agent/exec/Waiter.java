package io.ptimer.agent.exec;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a deadline on {@link System#nanoTime()} the way a {@link Precision} says, and gives up
 * at once when its lane has work. One per lane; not thread-safe. An interrupt (from a route or the
 * host) is cleared rather than allowed to turn parking into spinning.
 *
 * <p>{@link Precision#HYBRID} parks until the spin margin before the deadline, then spins. The
 * margin is the latest that any of the last {@value #SAMPLES} parks returned, so that a wake-up lands
 * before the deadline unless it is later than all of those. A park that returns on time eats into
 * the margin, so a wait spins about the margin less the typical overshoot: the margin may exceed the
 * caller's spin allowance by that typical overshoot, and never exceeds {@value #MAX_MARGIN_NANOS} ns.
 * When the process's {@link SpinBudget} is spent, or enough other waits spin, the wait parks to its
 * deadline.
 */
final class Waiter {
    static final int SAMPLES = 256;
    static final long MAX_MARGIN_NANOS = 1_000_000;
    private static final long PAD_NANOS = 2_000;
    /** Parks seen before the margin follows them; until then it is the largest, as the caller allows. */
    private static final int MIN_SAMPLES = 32;

    private final Precision precision;
    private final BooleanSupplier woken;
    private final long[] overshoots = new long[SAMPLES];
    private final long[] sorted = new long[SAMPLES];
    private int recorded;
    private long margin = MAX_MARGIN_NANOS;
    private long typicalOvershoot;

    Waiter(Precision precision, BooleanSupplier woken) {
        this.precision = precision;
        this.woken = woken;
    }

    /**
     * Waits until {@code deadline}.
     *
     * @param allowance what this wait may spin, in ns ({@link Precision#HYBRID}); the margin goes
     *                  beyond it by the typical park overshoot only when {@code stretch} is true
     * @return {@code true} when the deadline was reached (at once if it has passed), {@code false}
     *         when the lane was woken first
     */
    boolean awaitUntil(long deadline, long allowance, boolean stretch) {
        long spin = precision == Precision.HYBRID ? spinMargin(allowance, stretch) : 0;
        long spinFrom = 0;
        for (;;) {
            long now = System.nanoTime();
            long remaining = deadline - now;
            if (remaining <= 0 || woken.getAsBoolean()) {
                if (spinFrom != 0) {
                    SpinBudget.endSpin(now - spinFrom);
                }
                return remaining <= 0;
            }
            if (precision == Precision.SPIN) {
                Thread.onSpinWait();
            } else if (precision == Precision.SLEEP) {
                sleep(remaining);
            } else if (remaining > spin) {
                park(remaining - spin);
            } else if (spinFrom != 0) {
                Thread.onSpinWait();
            } else if (SpinBudget.startSpin(now)) {
                spinFrom = now;
            } else {
                sleep(remaining);
            }
        }
    }

    /**
     * Runs the wait's code once with nothing to wait for, a park of 1 ns included, so that the first
     * deadline does not pay for loading and linking it. On the lane's thread, before its first wait.
     */
    void prime() {
        SpinBudget.available(System.nanoTime());
        awaitUntil(System.nanoTime(), 0, false);
        sleep(1);
    }

    /** The spin margin learnt so far, in ns, before any allowance. */
    long margin() {
        return margin;
    }

    private long spinMargin(long allowance, boolean stretch) {
        return Math.min(margin, stretch ? allowance + typicalOvershoot : allowance);
    }

    private void sleep(long nanos) {
        Thread.interrupted();
        LockSupport.parkNanos(this, nanos);
    }

    private void park(long nanos) {
        Thread.interrupted();
        long before = System.nanoTime();
        LockSupport.parkNanos(this, nanos);
        long overshoot = System.nanoTime() - before - nanos;
        if (overshoot >= 0 && !woken.getAsBoolean()) {
            learn(overshoot);
        }
    }

    /**
     * Records how late a park returned, and lets the margin follow the recent overshoots. The window
     * is kept sorted as samples come and go, a binary search and one array move each, so learning
     * costs the same small time after every park, even before the JIT has compiled it.
     */
    void learn(long overshoot) {
        int slot = recorded % SAMPLES;
        int n = Math.min(recorded, SAMPLES);
        int at;
        if (recorded < SAMPLES) {
            at = insertionPoint(overshoot, n);
            System.arraycopy(sorted, at, sorted, at + 1, n - at);
            n++;
        } else {
            int gone = indexOf(overshoots[slot], n);
            at = insertionPoint(overshoot, n);
            if (at > gone) {
                at--;
                System.arraycopy(sorted, gone + 1, sorted, gone, at - gone);
            } else {
                System.arraycopy(sorted, at, sorted, at + 1, gone - at);
            }
        }
        sorted[at] = overshoot;
        overshoots[slot] = overshoot;
        recorded++;
        if (n < MIN_SAMPLES) {
            return;
        }
        margin = Math.min(MAX_MARGIN_NANOS, sorted[n - 1] + PAD_NANOS);
        typicalOvershoot = sorted[n / 2];
    }

    /** The first index of {@code sorted[0..n)} whose value exceeds {@code value}. */
    private int insertionPoint(long value, int n) {
        int low = 0;
        int high = n;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** An index of {@code sorted[0..n)} that holds {@code value}, which is there. */
    private int indexOf(long value, int n) {
        return insertionPoint(value, n) - 1;
    }
}
