package io.ptimer.agent.exec;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a deadline on {@link System#nanoTime()} the way a {@link Precision} says, and gives up
 * at once when its lane has work. One per lane; not thread-safe. An interrupt (from a route or the
 * host) is cleared rather than allowed to turn parking into spinning.
 */
final class Waiter {
    private static final long MAX_SPIN_NANOS = 200_000;

    private final Precision precision;
    private final BooleanSupplier woken;
    /** Running mean and mean deviation of how late a park returns, in ns (hybrid only). */
    private long meanOvershoot = 20_000;
    private long devOvershoot = 10_000;

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
                    long margin = Math.min(Math.min(spinCap, MAX_SPIN_NANOS), meanOvershoot + 3 * devOvershoot);
                    if (remaining > margin) {
                        park(remaining - margin);
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
            long error = overshoot - meanOvershoot;
            meanOvershoot += error >> 4;
            devOvershoot += (Math.abs(error) - devOvershoot) >> 4;
        }
    }
}
