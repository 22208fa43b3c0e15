package io.ptimer.agent;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent loop latenesses of one worker, written by that worker without allocation and
 * read by anyone. Readers see a recent window, not a consistent snapshot.
 */
final class LatenessWindow {
    static final int SIZE = 1024;

    private final AtomicLongArray samples = new AtomicLongArray(SIZE);
    private volatile long count;

    /** Records one lateness in nanoseconds. Single writer. */
    void record(long nanos) {
        long n = count;
        samples.lazySet((int) (n & (SIZE - 1)), nanos);
        count = n + 1;
    }

    /** The recent samples, sorted ascending. */
    long[] sorted() {
        int n = (int) Math.min(count, SIZE);
        long[] copy = new long[n];
        for (int i = 0; i < n; i++) {
            copy[i] = samples.get(i);
        }
        Arrays.sort(copy);
        return copy;
    }

    /** The given percentile (0 to 100) of sorted samples, or 0 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
