package io.ptimer.agent.exec;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The most recent latenesses of one lane's runs (how long after its deadline a run began), written
 * by that lane without allocation and read by anyone. Readers see a recent window, not a
 * consistent snapshot.
 */
public final class Lateness {
    static final int SIZE = 1024;

    private final AtomicLongArray samples = new AtomicLongArray(SIZE);
    private volatile long count;

    /** Records one lateness in nanoseconds. Single writer. */
    public void record(long nanos) {
        long n = count;
        samples.lazySet((int) (n & (SIZE - 1)), nanos);
        count = n + 1;
    }

    /** The recent samples, sorted ascending. */
    public long[] sorted() {
        int n = (int) Math.min(count, SIZE);
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

    /** The recent p50, p99 and max in µs, as {@code 12/40/95}. */
    public String micros() {
        long[] s = sorted();
        return percentile(s, 50) / 1000 + "/" + percentile(s, 99) / 1000 + "/" + (s.length == 0 ? 0 : s[s.length - 1] / 1000);
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
