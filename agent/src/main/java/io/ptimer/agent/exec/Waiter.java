package io.ptimer.agent.exec;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a deadline on {@link System#nanoTime()} the way a {@link Precision} says, and gives up
 * at once when its lane has work. One per lane; not thread-safe. An interrupt (from a route or the
 * host) is cleared rather than allowed to turn parking into spinning.
 *
 * <p>{@link Precision#HYBRID} parks until the spin margin before the deadline, then spins. The
 * margin is the 99th percentile of how late the last {@value #SAMPLES} parks returned, so that
 * nearly every wake-up lands before the deadline; it never exceeds the caller's spin cap, its CPU
 * budget, nor {@value #MAX_SPIN_NANOS} ns: on a loaded machine wake-ups are late because the CPU is
 * taken, and spinning longer would only take more of it.
 */
final class Waiter {
    static final int SAMPLES = 128;
    static final long MAX_SPIN_NANOS = 200_000;
    private static final int RECOMPUTE_EVERY = 32;
    private static final long FIRST_MARGIN_NANOS = 50_000;

    private final Precision precision;
    private final BooleanSupplier woken;
    private final long[] overshoots = new long[SAMPLES];
    private final long[] scratch = new long[SAMPLES];
    private int recorded;
    private long margin = FIRST_MARGIN_NANOS;

    Waiter(Precision precision, BooleanSupplier woken) {
        this.precision = precision;
        this.woken = woken;
    }

    /**
     * Waits until {@code deadline}.
     *
     * @param spinCap the most this wait may spin, in ns (hybrid)
     * @return {@code true} when the deadline was reached (at once if it has passed), {@code false}
     *         when the lane was woken first
     */
    boolean awaitUntil(long deadline, long spinCap) {
        for (;;) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return true;
            }
            if (woken.getAsBoolean()) {
                return false;
            }
            switch (precision) {
                case SPIN -> Thread.onSpinWait();
                case SLEEP -> {
                    Thread.interrupted();
                    LockSupport.parkNanos(this, remaining);
                }
                case HYBRID -> {
                    long spin = Math.min(spinCap, margin);
                    if (remaining > spin) {
                        park(remaining - spin);
                    } else {
                        Thread.onSpinWait();
                    }
                }
            }
        }
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

    /** Records how late a park returned; every few parks the margin becomes the recent 99th percentile. */
    private void learn(long overshoot) {
        overshoots[recorded++ % SAMPLES] = overshoot;
        if (recorded % RECOMPUTE_EVERY == 0) {
            int n = Math.min(recorded, SAMPLES);
            System.arraycopy(overshoots, 0, scratch, 0, n);
            Arrays.sort(scratch, 0, n);
            margin = Math.min(MAX_SPIN_NANOS, scratch[(int) Math.ceil(0.99 * n) - 1] + scratch[n / 2] / 4);
        }
    }

    /** The current spin margin, in ns (hybrid). */
    long margin() {
        return margin;
    }
}
