package io.ptimer.samples.sip;

import java.time.Instant;

/**
 * {@link System#nanoTime()} values as wall-clock µs since the epoch, the carrier's trace's clock,
 * by one reading of both clocks when the class loads.
 */
final class WallClock {
    private static final long EPOCH_MICROS_AT_ZERO;

    static {
        Instant now = Instant.now();
        EPOCH_MICROS_AT_ZERO = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000 - System.nanoTime() / 1000;
    }

    private WallClock() {
    }

    /** {@code nanos}, a {@link System#nanoTime()} value, as µs since the epoch. */
    static long epochMicros(long nanos) {
        return EPOCH_MICROS_AT_ZERO + nanos / 1000;
    }
}
