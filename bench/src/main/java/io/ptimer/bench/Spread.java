package io.ptimer.bench;

import java.util.concurrent.TimeUnit;

/**
 * The intervals of the core-timers-at-scale part: {@code n} periodic timers spread evenly, in whole
 * milliseconds, from {@value #SHORTEST_MS} ms to {@value #LONGEST_MS} ms.
 */
final class Spread {
    static final int SHORTEST_MS = 10;
    static final int LONGEST_MS = 1000;

    private Spread() {
    }

    static long[] intervalsNanos(int n) {
        long[] intervals = new long[n];
        for (int i = 0; i < n; i++) {
            long ms = n == 1 ? SHORTEST_MS : SHORTEST_MS + Math.round((double) i * (LONGEST_MS - SHORTEST_MS) / (n - 1));
            intervals[i] = TimeUnit.MILLISECONDS.toNanos(ms);
        }
        return intervals;
    }
}
