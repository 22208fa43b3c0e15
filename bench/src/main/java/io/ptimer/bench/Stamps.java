package io.ptimer.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.HdrHistogram.Histogram;

/**
 * The start times of every run of many periodic timers, stored in memory as they come (no I/O, no
 * allocation), and their lateness against each timer's grid {@code t0 + k·interval}, {@code t0}
 * being the time taken just before the timer was scheduled, or one interval before its first run
 * is due. Each timer's runs are recorded by one thread at a time; the counts are published with
 * release semantics, so the thread that reads the lateness after the timers stopped sees every
 * stamp.
 */
final class Stamps {
    private final long[] intervals;
    private final long[] t0;
    private final boolean[] placed;
    private final long[][] stamps;
    private final AtomicIntegerArray counts;

    /** Room for every run of each timer within {@code spanNanos} of its start. */
    Stamps(long[] intervals, long spanNanos) {
        this.intervals = intervals;
        this.t0 = new long[intervals.length];
        this.placed = new boolean[intervals.length];
        this.stamps = new long[intervals.length][];
        this.counts = new AtomicIntegerArray(intervals.length);
        for (int i = 0; i < intervals.length; i++) {
            stamps[i] = new long[(int) (spanNanos / intervals[i]) + 2];
        }
    }

    /** Sets the time timer {@code i} was scheduled at; its first run is due one interval later. */
    void started(int i, long nanos) {
        t0[i] = nanos;
    }

    /**
     * Sets a time at or just before timer {@code i}'s first run became due, for a grid that a
     * scheduler starts with a run at once and keeps to itself: on its re-anchored grid, the timer's
     * first stretch (its runs up to the first that began past its next grid point) is placed at its
     * earliest run, as {@link Lateness.Grid#FOLLOW} places each stretch.
     */
    void firstDue(int i, long nanos) {
        t0[i] = nanos - intervals[i];
        placed[i] = true;
    }

    /** Whether every timer has recorded a run; then each one's start is seen too. */
    boolean allRan() {
        for (int i = 0; i < intervals.length; i++) {
            if (counts.get(i) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Records a run of timer {@code i} that began at {@code now}; runs past the room are dropped. */
    void record(int i, long now) {
        int n = counts.get(i);
        long[] mine = stamps[i];
        if (n < mine.length) {
            mine[n] = now;
            counts.lazySet(i, n + 1);
        }
    }

    /** The start times of timer {@code i}'s runs recorded so far, in order. */
    long[] runs(int i) {
        return java.util.Arrays.copyOf(stamps[i], counts.get(i));
    }

    /**
     * The lateness of the runs due from {@code from} to {@code to}; overruns counts the runs late by
     * more than their interval, early the runs that began before their grid point (recorded as 0).
     * A run due in that span that had not begun when the timers were stopped, at {@code stopped},
     * counts as late by {@code stopped − due}, a lower bound.
     *
     * @param reanchored against the grid as a scheduler that re-anchors keeps it: after a run that
     *                   began past its next grid point, the grid restarts where that run began (the
     *                   agent restarts it where the run ended, a few µs later for these runs), and
     *                   placed as {@link #firstDue} says; otherwise against the registration grid
     *                   {@code t0 + k·interval}
     */
    Result lateness(long from, long to, long stopped, long cpuNanos, boolean reanchored) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long runs = 0;
        long overruns = 0;
        long early = 0;
        for (int i = 0; i < intervals.length; i++) {
            long[] mine = stamps[i];
            int n = counts.get(i);
            long next = t0[i] + intervals[i] + (reanchored && placed[i] ? earliest(mine, n, t0[i], intervals[i]) : 0);
            for (int k = 0; ; k++) {
                long due = next;
                next = reanchored && k < n && mine[k] > due + intervals[i] ? mine[k] : due + intervals[i];
                if (due < from) {
                    continue;
                }
                if (due > to || k >= mine.length) {
                    break;
                }
                long late = (k < n ? mine[k] : stopped) - due;
                if (late < 0) {
                    early++;
                    late = 0;
                }
                overruns += late > intervals[i] ? 1 : 0;
                histogram.recordValue(Math.min(late, histogram.getHighestTrackableValue()));
                runs++;
            }
        }
        return new Result(histogram, runs, overruns, early, 0, cpuNanos, to - from, -1, -1);
    }

    /** How late the earliest run of a timer's first stretch began on the grid from {@code t0}. */
    private static long earliest(long[] mine, int n, long t0, long interval) {
        long least = n == 0 ? 0 : Long.MAX_VALUE;
        long due = t0 + interval;
        for (int k = 0; k < n; k++, due += interval) {
            least = Math.min(least, mine[k] - due);
            if (mine[k] > due + interval) {
                break;
            }
        }
        return least;
    }
}
