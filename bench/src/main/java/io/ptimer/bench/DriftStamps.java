package io.ptimer.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The child side of the drift part: when each loop of the agent's sync timer started and ended, in
 * arrays allocated up front, the first {@code warmup} loops unrecorded, and afterwards their
 * lateness and drift on the grid the engine keeps. With {@code overrun=reanchor} that grid restarts
 * after every overrun and is followed as {@link Lateness.Grid#FOLLOW} follows it. With
 * {@code overrun=skip} it is the one grid {@code t0 + k·interval} that starts with the first loop.
 * The engine does not tell when {@code t0} is, only that it comes a little after the start route
 * returns ({@link #anchor}), so the grid's phase is read from the recorded loops (their median start
 * modulo the interval) and each loop is put on the grid point it was scheduled for by its start and
 * by the rule that no two loops share a point ({@link #gridPoints}). The grid is then placed at the
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
     * the first loop's to the last's. Each loop is counted on the grid point at or before its start,
     * from {@link #anchor}: a grid that slipped puts a loop on a point the engine did not count. The
     * first loop's is grid point 0 whatever its start says: the engine runs it at once as it starts
     * the grid, and on cold code it may begin an interval late.
     */
    Drift.Counts counts(long engineSkipped) {
        if (!skip) {
            return new Drift.Counts(stored, engineSkipped, -1, engineSkipped);
        }
        long origin = reference();
        long[] k = new long[stored];
        for (int i = 0; i < stored; i++) {
            k[i] = Math.floorDiv(starts[i] - origin, interval);
        }
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
        long phase = phase();
        long[] k = gridPoints(phase);
        int from = recordedFrom();
        long earliest = Long.MAX_VALUE;
        for (int i = from; i < stored; i++) {
            earliest = Math.min(earliest, offset(i, k, phase));
        }
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long overruns = 0;
        for (int i = from; i < stored; i++) {
            histogram.recordValue(offset(i, k, phase) - earliest);
            if (i + 1 < stored && k[i + 1] - k[i] > 1) {
                overruns++;
            }
        }
        int last = stored - 1;
        long t0 = phase + earliest + k[from] * interval;
        long drift = starts[last] - (t0 + (k[last] - k[from]) * interval);
        return new Result(histogram, stored - from, overruns, 0, drift, 0, starts[last] - starts[from], -1, -1);
    }

    /**
     * For each loop, the grid point it was scheduled for, counted from {@code phase}: the latest one
     * that is at most a hundredth of an interval after its start (a loop that begins on time may be
     * a little ahead of the median), except that no two loops share a point: a loop that began late
     * by nearly an interval, a little ahead of the next point, whose loop followed, belongs to the
     * point before.
     */
    private long[] gridPoints(long phase) {
        long ahead = interval / 100;
        long[] k = new long[stored];
        for (int i = 0; i < stored; i++) {
            k[i] = Math.floorDiv(starts[i] - phase + ahead, interval);
        }
        for (int i = stored - 2; i >= 0; i--) {
            k[i] = Math.min(k[i], k[i + 1] - 1);
        }
        return k;
    }

    private long offset(int i, long[] k, long phase) {
        return starts[i] - (phase + k[i] * interval);
    }

    /**
     * Where the recorded loops put the grid: the median of their starts modulo the interval, taken
     * after {@link #anchor} (or the first loop), as most loops of a timer worth measuring begin
     * nearly on time.
     */
    private long phase() {
        long reference = reference();
        int from = recordedFrom();
        long[] phases = new long[stored - from];
        for (int i = from; i < stored; i++) {
            phases[i - from] = Math.floorMod(starts[i] - reference, interval);
        }
        Arrays.sort(phases);
        return reference + phases[phases.length / 2];
    }

    /** {@link #anchor}, or the first loop's start without one. */
    private long reference() {
        return anchor == Long.MIN_VALUE ? starts[0] : anchor;
    }

    private int recordedFrom() {
        return Math.min(warmup, stored - 1);
    }
}
