package io.ptimer.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Records how late each run of a fixed-delay task starts: {@code start − (previous end + interval)}.
 * The first {@code warmup} runs are not recorded; the warm-up and the recording each end after
 * their runs or after twice their planned time, whichever comes first. CPU is the whole process's,
 * over the recorded runs. Confined to the task's thread.
 */
final class FixedDelay {
    private final long interval;
    private final int warmup;
    private final int loops;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private long first = Long.MIN_VALUE;
    private long previousEnd = Long.MIN_VALUE;
    private int begun;
    private int recorded;
    private long early;
    private long cpuStart;
    private long wallStart;
    private long cpuEnd;
    private long wallEnd;
    private boolean done;

    FixedDelay(long intervalNanos, int warmup, int loops) {
        this.interval = intervalNanos;
        this.warmup = warmup;
        this.loops = loops;
    }

    /** The run's settings, from the system properties {@link Probe} reads. */
    static FixedDelay fromProperties() {
        return new FixedDelay(Probe.intervalNanos(), Integer.getInteger("bench.warmup"), Integer.getInteger("bench.loops"));
    }

    /** The whole task: records this run and, after the last one, hands the result over to {@link Probe}. */
    void tick() {
        if (done) {
            return;
        }
        begin(System.nanoTime());
        if (done) {
            Probe.finish(result());
            return;
        }
        end(System.nanoTime());
    }

    /** Records the start of a run at {@code now}. */
    void begin(long now) {
        begun++;
        if (first == Long.MIN_VALUE) {
            first = now;
        }
        boolean warming = begun <= warmup && now - first < 2L * warmup * interval;
        if (done || warming || previousEnd == Long.MIN_VALUE) {
            return;
        }
        if (recorded == 0) {
            cpuStart = ScaleProbe.processCpuNanos();
            wallStart = now;
        }
        long late = now - (previousEnd + interval);
        if (late < 0) {
            early++;
            late = 0;
        }
        histogram.recordValue(Math.min(late, histogram.getHighestTrackableValue()));
        recorded++;
        if (recorded == loops || now - wallStart >= 2L * loops * interval) {
            done = true;
            cpuEnd = ScaleProbe.processCpuNanos();
            wallEnd = now;
        }
    }

    /** Records the end of the run begun last, at {@code now}. */
    void end(long now) {
        previousEnd = now;
    }

    boolean done() {
        return done;
    }

    Result result() {
        return new Result(histogram, recorded, 0, early, 0, cpuEnd - cpuStart, wallEnd - wallStart, -1, -1);
    }
}
