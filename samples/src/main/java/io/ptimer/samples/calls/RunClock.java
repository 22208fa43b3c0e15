package io.ptimer.samples.calls;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A run's time: when it started, and waiting for its whole seconds (one table row each). */
public final class RunClock {
    private final long startNanos = System.nanoTime();

    public long startNanos() {
        return startNanos;
    }

    /** Seconds since the start. */
    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Sleeps until {@code seconds} after the start. */
    public void awaitSecond(double seconds) {
        long until = startNanos + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
        for (long left; (left = until - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
    }

    /** The value after {@code --name} in {@code args}, or {@code fallback}. */
    public static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--" + name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
