package io.ptimer.agent.exec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent latenesses of one lane's runs (how long after its deadline a run began), written
 * by that lane without allocation and read by anyone. Readers see a recent window, not a
 * consistent snapshot. The constructor writes once, so that the thread that makes the window, not
 * the lane's first run, links the array's atomic access.
 */
public final class Lateness {
    /** The window of a lane: the last 1,024 runs. */
    static final int SIZE = 1024;

    private final AtomicLongArray samples;
    private final int mask;
    private volatile long count;

    /** A window of the last {@value #SIZE} runs. */
    public Lateness() {
        this(SIZE);
    }

    /** A window of the last {@code size} runs, a power of two: smaller for one timer among thousands. */
    public Lateness(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("a lateness window is a power of two, not " + size);
        }
        this.samples = new AtomicLongArray(size);
        this.mask = size - 1;
        samples.lazySet(0, 0);
    }

    /** Records one lateness in nanoseconds. Single writer. */
    public void record(long nanos) {
        long n = count;
        samples.lazySet((int) (n & mask), nanos);
        count = n + 1;
    }

    /** The recent samples, sorted ascending. */
    public long[] sorted() {
        int n = (int) Math.min(count, samples.length());
        long[] copy = new long[n];
        for (int i = 0; i < n; i++) {
            copy[i] = samples.get(i);
        }
        Arrays.sort(copy);
        return copy;
    }

    /** The recent samples of all {@code windows}, sorted ascending. */
    public static long[] sorted(List<Lateness> windows) {
        return windows.stream().map(Lateness::sorted).flatMapToLong(Arrays::stream).sorted().toArray();
    }

    /**
     * When a run counts as late by default: a tenth of its interval, at most 1 ms; 1 ms for a
     * one-shot ({@code intervalNanos} 0).
     */
    public static long lateThreshold(long intervalNanos) {
        return intervalNanos <= 0 ? 1_000_000 : Math.min(intervalNanos / 10, 1_000_000);
    }

    /** The given percentile (0 to 100) of sorted samples, or 0 when there are none. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
