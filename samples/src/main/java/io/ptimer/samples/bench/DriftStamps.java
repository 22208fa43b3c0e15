package io.ptimer.samples.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The child side of the drift part: when each loop of the agent's sync timer started and ended, in
 * arrays allocated up front, the first {@code warmup} loops unrecorded, and afterwards their
 * lateness and drift on the grid the engine keeps. With {@code overrun=reanchor} that grid restarts
 * after every overrun and is followed as {@link Lateness.Grid#FOLLOW} follows it. With
 * {@code overrun=skip} it is the one grid {@code anchor + k·interval} that starts with the first
 * loop; each loop is put on the nearest grid point at or before its start, which is the point it
 * was scheduled for while it is less than one interval late, and the grid is then placed at the
 * earliest recorded loop, as {@link Lateness.Grid#FOLLOW} places each stretch. Confined to the
 * timer's worker thread.
 */
final class DriftStamps {
    private final long interval;
    private final int warmup;
    private final boolean skip;
    private final long[] starts;
    private final long[] ends;
    private long anchor = Long.MIN_VALUE;
    private int stored;

    DriftStamps(long intervalNanos, int warmup, int loops, boolean skip) {
        this.interval = intervalNanos;
        this.warmup = warmup;
        this.skip = skip;
        this.starts = new long[warmup + loops];
        this.ends = new long[warmup + loops];
    }

    /** The run's settings, from the system properties {@link Probe} reads and {@code bench.overrun}. */
    static DriftStamps fromProperties() {
        return new DriftStamps(Probe.intervalNanos(), Integer.getInteger("bench.warmup"),
                Integer.getInteger("bench.loops"), "skip".equals(System.getProperty("bench.overrun")));
    }

    /** Sets a time at or just before the engine's start of the grid. */
    void anchor(long nanos) {
        anchor = nanos;
    }

    /** Stores a loop; returns whether another is wanted. */
    boolean store(long start, long end) {
        starts[stored] = start;
        ends[stored] = end;
        return ++stored < starts.length;
    }

    /** The lateness of the recorded loops on the grid the engine keeps, and the drift of the last. */
    Result result() {
        return skip ? keptGrid() : followed();
    }

    /**
     * The counts of the whole run: every loop, the grid points skipped between the recorded loops
     * (with {@code reanchor}, the engine's own count), and, with {@code skip}, the grid points from
     * the first loop's to the last's. The first loop's is grid point 0 whatever its start says: the
     * engine runs it at once as it starts the grid, and on cold code it may begin an interval late.
     */
    Drift.Counts counts(long engineSkipped) {
        if (!skip) {
            return new Drift.Counts(stored, engineSkipped, -1, engineSkipped);
        }
        long[] k = gridPoints();
        long skipped = 0;
        for (int i = recordedFrom(); i + 1 < stored; i++) {
            skipped += k[i + 1] - k[i] - 1;
        }
        return new Drift.Counts(stored, skipped, k[stored - 1] + 1, engineSkipped);
    }

    private Result followed() {
        Lateness lateness = new Lateness(interval, warmup, stored - warmup, Lateness.Grid.FOLLOW);
        lateness.anchor(anchor);
        for (int i = 0; i < stored && !lateness.done(); i++) {
            lateness.begin(starts[i]);
            if (!lateness.done()) {
                lateness.end(ends[i]);
            }
        }
        return lateness.result();
    }

    private Result keptGrid() {
        long[] k = gridPoints();
        int from = recordedFrom();
        long earliest = Long.MAX_VALUE;
        for (int i = from; i < stored; i++) {
            earliest = Math.min(earliest, offset(i, k));
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long overruns = 0;
        for (int i = from; i < stored; i++) {
            histogram.recordValue(offset(i, k) - earliest);
            if (i + 1 < stored && k[i + 1] - k[i] > 1) {
                overruns++;
            }
        }
        int last = stored - 1;
        long t0 = origin() + earliest + k[from] * interval;
        long drift = starts[last] - (t0 + (k[last] - k[from]) * interval);
        return new Result(histogram, stored - from, overruns, 0, drift, 0, starts[last] - starts[from], -1, -1);
    }

    /** For each loop, {@code k = floor((start − anchor) / interval)}. */
    private long[] gridPoints() {
        long[] k = new long[stored];
        for (int i = 0; i < stored; i++) {
            k[i] = Math.floorDiv(starts[i] - origin(), interval);
        }
        return k;
    }

    private long offset(int i, long[] k) {
        return starts[i] - (origin() + k[i] * interval);
    }

    private long origin() {
        return anchor == Long.MIN_VALUE ? starts[0] : anchor;
    }

    private int recordedFrom() {
        return Math.min(warmup, stored - 1);
    }
}
