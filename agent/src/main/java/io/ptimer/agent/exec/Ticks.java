package io.ptimer.agent.exec;

import java.util.concurrent.TimeUnit;

/** Time since the engine started, as Kamailio counts it: whole seconds, and raw ticks of 1 ms. Thread-safe. */
public final class Ticks {
    /** Raw ticks per second. */
    static final int HZ = 1000;

    private final long origin = System.nanoTime();

    /** Whole seconds since the engine started ({@code get_ticks()}). */
    public long seconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - origin);
    }

    /** {@link #HZ} ticks per second since the engine started ({@code get_ticks_raw()}). */
    public long raw() {
        return (System.nanoTime() - origin) / (1_000_000_000L / HZ);
    }
}
