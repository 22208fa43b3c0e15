package io.ptimer.agent.exec;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every run's lateness since start, in buckets with fixed bounds, read as a cumulative histogram like
 * Prometheus's: counts that add up across workers, timers and JVMs, where the recent window of
 * {@link Lateness} gives percentiles for one worker only. Written by one lane without allocation,
 * read by anyone; readers see recent counts, not a consistent snapshot.
 */
public final class LatenessHistogram {
    /** The buckets' upper bounds in ns; a last bucket, {@code +Inf}, takes the rest. */
    private static final long[] BOUNDS = {1_000, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000,
        1_000_000_000};
    /** The bounds as Prometheus writes {@code le}: seconds, then {@code +Inf}. */
    private static final List<String> LE = List.of("0.000001", "0.000005", "0.00001", "0.000025", "0.00005", "0.0001",
            "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "1", "+Inf");
    private static final int SUM = BOUNDS.length + 1;

    /** The count of each bucket (not cumulative), then the sum of all latenesses in ns. */
    private final AtomicLongArray cells = new AtomicLongArray(SUM + 1);

    public LatenessHistogram() {
        cells.lazySet(SUM, 0);
    }

    /** The buckets' upper bounds as Prometheus's {@code le} label: {@code 0.000001} ... {@code 1}, {@code +Inf}. */
    public static List<String> bounds() {
        return LE;
    }

    /** Records one lateness in nanoseconds. Single writer. */
    public void record(long nanos) {
        int i = 0;
        while (i < BOUNDS.length && nanos > BOUNDS[i]) {
            i++;
        }
        cells.lazySet(i, cells.get(i) + 1);
        cells.lazySet(SUM, cells.get(SUM) + nanos);
    }

    /** Adds this histogram's cumulative counts, one per bound, to {@code into}. */
    void addCumulative(long[] into) {
        long running = 0;
        for (int i = 0; i <= BOUNDS.length; i++) {
            running += cells.get(i);
            into[i] += running;
        }
    }

    /** The cumulative counts of {@code histograms} together, one per bound of {@link #bounds()}. */
    public static long[] cumulative(List<LatenessHistogram> histograms) {
        long[] counts = new long[BOUNDS.length + 1];
        for (LatenessHistogram h : histograms) {
            h.addCumulative(counts);
        }
        return counts;
    }

    /** The sum of all latenesses recorded, in ns. */
    public long sumNanos() {
        return cells.get(SUM);
    }
}
