package io.ptimer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Records how late each loop of a periodic task starts against its schedule {@code t0 + k·interval}.
 * The first {@code warmup} loops are not recorded. An overrun is a loop that ended after the next
 * grid point; a {@link Grid#CATCH_UP} schedule keeps its grid then, the others restart it at that
 * end. Drift is the last loop's distance from the grid of the recorded loops, never re-anchored.
 * Confined to the loop's thread, except {@link #anchor}, which the thread that schedules the
 * first loop may call.
 */
final class Lateness {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Loops after a late one that show whether the engine restarted its grid there (see {@link #replay}). */
    static final int PHASE_LOOPS = 8;

    private final long interval;
    private final int warmup;
    private final int loops;
    private final Grid grid;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private volatile long anchor = Long.MIN_VALUE;
    private long first;
    private long t0;
    private int k0;
    private long scheduled;
    private int begun;
    private boolean recording;
    private boolean done;
    private int recorded;
    private long overruns;
    private long early;
    private long drift;
    private long cpuStart;
    private long cpuEnd;
    private long wallStart;
    private long wallEnd;
    private long[] raw = new long[0];
    private int[] stretch = new int[0];
    private int stretches;
    private long[] earliest;

    /** How the schedule under test goes on after an overrun, and who keeps its grid. */
    enum Grid {
        /** Keeps the grid and runs the missed loops at once ({@code scheduleAtFixedRate}). */
        CATCH_UP,
        /** Restarts the grid at the end of the late loop; the task itself computes it. */
        REANCHOR,
        /**
         * Restarts the grid like {@link #REANCHOR}, but someone else (the agent's engine) keeps it,
         * and this side only sees where: the grid of each stretch between two restarts is placed at
         * the earliest loop start of the stretch, which understates lateness by the smallest
         * wake-up-to-route time in it (about 0.1 µs on warm code).
         */
        FOLLOW
    }

    /**
     * A schedule that cannot keep up (a 1 ms wheel asked for 100 µs) would take many times longer
     * than planned: the warm-up and the recording each end after their loops or after twice their
     * planned time, whichever comes first.
     */
    Lateness(long intervalNanos, int warmup, int loops, Grid grid) {
        this.interval = intervalNanos;
        this.warmup = warmup;
        this.loops = loops;
        this.grid = grid;
        this.recording = warmup == 0;
        if (grid == Grid.FOLLOW) {
            raw = new long[loops];
            stretch = new int[loops];
        }
    }

    /**
     * Loops of the engine's sync timer that began at {@code starts} and whose routes returned at
     * {@code ends}, routes far shorter than the interval but for a cold first call, replayed against
     * the grid {@link Grid#FOLLOW} places, with no warm-up and no cut: read each loop's lateness with
     * {@link #placed}. The grid restarts where the engine may have restarted it: after an overrun the
     * engine runs the next loop at once, so a loop that began less than half an interval after the
     * one before ended starts a new stretch, and so does the loop after a gap of more than one and a
     * half intervals (a late loop, or a grid point with no loop). The engine ends a route when
     * control is back in its own code, which a route's last stamp cannot see: a route preempted on
     * its way back may overrun unseen. So a late loop whose next {@value #PHASE_LOOPS} loops, all
     * but two, keep its phase within a fortieth of the interval starts a new stretch as well; a
     * late loop followed by loops back on the grid does not. As each stretch is placed at its
     * earliest loop, a restart where the engine kept its grid costs nothing. Which loops overran is
     * not judged against a grid taken from the first loop: on a cold JVM that loop may begin well
     * after the engine started its grid, and its route may run past the next grid point.
     */
    static Lateness replay(long intervalNanos, long[] starts, long[] ends) {
        Lateness replay = new Lateness(intervalNanos, 0, starts.length, Grid.FOLLOW);
        long scheduled = starts.length == 0 ? 0 : starts[0];
        long stretchEarliest = 0;
        for (int i = 0; i < starts.length; i++) {
            if (i > 0) {
                scheduled += intervalNanos;
                boolean atOnce = starts[i] - ends[i - 1] < intervalNanos / 2;
                boolean afterGap = i > 1 && starts[i - 1] - starts[i - 2] > intervalNanos * 3 / 2;
                boolean newPhase = starts[i] - scheduled - stretchEarliest > intervalNanos / 20
                        && keepsPhase(intervalNanos, starts, i);
                if (atOnce || afterGap || newPhase) {
                    scheduled = starts[i];
                    stretchEarliest = 0;
                    replay.stretches++;
                }
            }
            replay.raw[i] = starts[i] - scheduled;
            replay.stretch[i] = replay.stretches;
            stretchEarliest = Math.min(stretchEarliest, replay.raw[i]);
        }
        replay.recorded = starts.length;
        replay.done = true;
        return replay;
    }

    /** Whether the loops after loop {@code i} keep to the grid it starts, all but two of {@value #PHASE_LOOPS}. */
    private static boolean keepsPhase(long intervalNanos, long[] starts, int i) {
        if (i + PHASE_LOOPS >= starts.length) {
            return false;
        }
        int kept = 0;
        for (int k = 1; k <= PHASE_LOOPS; k++) {
            if (Math.abs(starts[i + k] - starts[i] - k * intervalNanos) <= intervalNanos / 40) {
                kept++;
            }
        }
        return kept >= PHASE_LOOPS - 2;
    }

    /** Sets the scheduled time of the first loop; without it the first loop's start is taken. */
    void anchor(long t0) {
        anchor = t0;
    }

    /** Records the start of a loop at {@code now}. */
    void begin(long now) {
        int index = begun++;
        if (index == 0) {
            long a = anchor;
            first = now;
            t0 = a == Long.MIN_VALUE ? now : a;
            scheduled = t0;
        }
        if (!recording || done) {
            return;
        }
        if (recorded == 0) {
            cpuStart = THREADS.getCurrentThreadCpuTime();
            wallStart = now;
        }
        long late = now - scheduled;
        if (grid == Grid.FOLLOW) {
            raw[recorded] = late;
            stretch[recorded] = stretches;
        } else if (late < 0) {
            early++;
            histogram.recordValue(0);
        } else {
            histogram.recordValue(late);
        }
        recorded++;
        if (recorded == loops || now - wallStart >= 2L * loops * interval) {
            done = true;
            drift = now - (t0 + (index - k0) * interval);
            cpuEnd = THREADS.getCurrentThreadCpuTime();
            wallEnd = now;
        }
    }

    /** Records the end of the loop begun last, at {@code now}, and returns when the next is scheduled. */
    long end(long now) {
        boolean lastWarmup = !recording && (begun >= warmup || now - first >= 2L * warmup * interval);
        scheduled += interval;
        if (now > scheduled) {
            if (recording) {
                overruns++;
            }
            if (grid != Grid.CATCH_UP) {
                scheduled = now;
                stretches += recording ? 1 : 0;
            }
        }
        if (lastWarmup) {
            recording = true;
            t0 = scheduled;
            k0 = begun;
        }
        return scheduled;
    }

    /**
     * The lateness of the {@code i}th recorded loop of a {@link Grid#FOLLOW} schedule, against its
     * stretch's grid placed at the earliest loop start of the stretch; once the recording is over
     * and until {@link #result}.
     */
    long placed(int i) {
        return raw[i] - earliest()[stretch[i]];
    }

    /** The earliest loop start of each stretch, on this side's grid. */
    private long[] earliest() {
        if (earliest == null) {
            earliest = new long[stretches + 1];
            java.util.Arrays.fill(earliest, Long.MAX_VALUE);
            for (int i = 0; i < recorded; i++) {
                earliest[stretch[i]] = Math.min(earliest[stretch[i]], raw[i]);
            }
        }
        return earliest;
    }

    /** Records the loops against their stretches' grids. */
    private void placeStretches() {
        for (int i = 0; i < recorded; i++) {
            histogram.recordValue(placed(i));
        }
        drift -= earliest()[0];
        raw = new long[0];
    }

    boolean done() {
        return done;
    }

    Result result() {
        if (grid == Grid.FOLLOW && raw.length > 0) {
            placeStretches();
        }
        return new Result(histogram, recorded, overruns, early, drift, cpuEnd - cpuStart, wallEnd - wallStart, -1, -1);
    }
}
