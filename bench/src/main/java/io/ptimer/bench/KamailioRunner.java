package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Kamailio itself as a peer: its ptimer module's sync timer ({@code type=1}) or its rtimer module
 * with {@code mode=1}, each route writing {@code $TV(Sm)} stamps through xlog to a log on tmpfs
 * (resources {@code kamailio/ptimer-lateness.cfg} and {@code rtimer-lateness.cfg}). The ptimer
 * loops are measured against the module's own grid, rebuilt from the stamps (see {@link #grid});
 * the rtimer runs against their fixed delay, {@code start − (previous stamp + interval)}. CPU is
 * the timer process's, pro rata for the recorded loops, the stamps' cost included.
 */
final class KamailioRunner implements Runner {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Kamailio kamailio;
    private final boolean rtimer;
    private final Histogram stampCost = Result.empty().histogram();

    private KamailioRunner(Kamailio kamailio, boolean rtimer) {
        this.kamailio = kamailio;
        this.rtimer = rtimer;
    }

    static KamailioRunner ptimer(Kamailio kamailio) {
        return new KamailioRunner(kamailio, false);
    }

    static KamailioRunner rtimer(Kamailio kamailio) {
        return new KamailioRunner(kamailio, true);
    }

    @Override
    public String name() {
        return rtimer ? "kamailio rtimer mode=1" : "kamailio ptimer";
    }

    /**
     * What one stamp cost ({@code U − T}) in the runs since the last call, as a sentence, or
     * {@code null} when there were none; starts counting anew.
     */
    String takeStampCost() {
        String cost = stampCost.getTotalCount() == 0 ? null : String.format(Locale.ROOT,
                "%s: one stamp ($TV(Sm) written by xlog to a file on tmpfs) cost p50 %s µs, p99 %s µs over %,d loops",
                name(), Report.micros(stampCost.getValueAtPercentile(50)), Report.micros(stampCost.getValueAtPercentile(99)),
                stampCost.getTotalCount());
        stampCost.reset();
        return cost;
    }

    @Override
    public String unavailable() {
        return Kamailio.unavailable(kamailio);
    }

    @Override
    public Result run(long intervalNanos, int warmup, int loops, Path dir) throws IOException, InterruptedException {
        String name = (rtimer ? "kamailio-rtimer-" : "kamailio-ptimer-") + RUNS.incrementAndGet();
        long micros = TimeUnit.NANOSECONDS.toMicros(intervalNanos);
        String timer = rtimer ? "name=bench;mode=1;interval=" + micros + "u"
                : "name=bench;type=1;interval=" + micros + "us";
        Path log = Kamailio.tmpfsLog(dir, name);
        Process p = kamailio.start(rtimer ? "rtimer-lateness" : "ptimer-lateness", List.of("TIMER=\"" + timer + "\""), dir,
                log);
        Kamailio.Stamps stamps;
        long cpu;
        try {
            Duration timeout = Duration.ofNanos(intervalNanos * (warmup + loops) * 4).plusSeconds(60);
            stamps = Kamailio.awaitStamps(p, log, warmup + loops, timeout);
            cpu = Kamailio.cpuNanos(stamps.pid());
        } finally {
            Kamailio.stop(p);
        }
        Path kept = Kamailio.keep(log, dir, name);
        if (stamps.count() < warmup + loops) {
            throw new IOException(name() + " wrote " + stamps.count() + " of " + (warmup + loops) + " stamps: "
                    + BenchJvm.tail(kept));
        }
        for (int i = warmup; i < warmup + loops; i++) {
            stampCost.recordValue(Math.max(0, stamps.ends()[i] - stamps.starts()[i]));
        }
        return rtimer ? fixedDelay(stamps, intervalNanos, warmup, loops, cpu) : grid(stamps, intervalNanos, warmup, loops, cpu);
    }

    /**
     * The recorded ptimer loops against the module's grid, rebuilt from every loop since the first.
     * A sync timer runs its first loop at once and anchors its grid there ({@code tnext = now +
     * interval}, then the route); it keeps the grid while its loops end in time and, when one ends
     * past the next grid point, runs the next loop at once and restarts the grid at that moment.
     * So the grid runs in stretches, each begun by a loop run at once, without a sleep: the first
     * loop, a loop begun less than half an interval after the one before ended, or a late loop
     * whose next loops stay shifted with it ({@link #keepsShift}: the process was held up between its
     * route and its clock reading). Each stretch's grid is placed at its first loop, or earlier
     * where a later loop shows that loop was held up on its way to the route (no loop of a sync
     * timer begins before its grid point). Unlike {@link Lateness#replay}, which the agent's runs
     * need, a stretch is never placed at a woken loop: that would hide the few tens of µs by which
     * every plain {@code nanosleep} wakes late. Every restart after the first loop counts as an
     * overrun.
     */
    static Result grid(Kamailio.Stamps stamps, long interval, int warmup, int loops, long cpu) {
        long[] starts = stamps.starts();
        long[] ends = stamps.ends();
        int n = warmup + loops;
        boolean[] restarts = new boolean[n];
        restarts[0] = true;
        long expected = starts[0];
        for (int k = 1; k < n; k++) {
            expected += interval;
            long late = starts[k] - expected;
            restarts[k] = starts[k] - ends[k - 1] < interval / 2 && late >= 0
                    || late > interval / 4 && keepsShift(starts, k, expected, interval);
            expected = restarts[k] ? starts[k] : expected;
        }
        Histogram h = Result.empty().histogram();
        long overruns = 0;
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && !restarts[to]) {
                to++;
            }
            long anchor = Long.MAX_VALUE;
            for (int k = from; k < to; k++) {
                anchor = Math.min(anchor, starts[k] - (k - from) * interval);
            }
            for (int k = Math.max(from, warmup); k < to; k++) {
                h.recordValue(starts[k] - (anchor + (k - from) * interval));
                overruns += k == from && k > 0 ? 1 : 0;
            }
            from = to;
        }
        long drift = starts[n - 1] - (starts[warmup] + (loops - 1) * interval);
        return result(h, loops, overruns, 0, drift, stamps, cpu, Arrays.copyOfRange(starts, warmup, n));
    }

    /**
     * Whether the loops after loop {@code k}, late against the grid point {@code expected}, stayed
     * shifted with it: all but two of {@value Lateness#PHASE_LOOPS} are at least as late against
     * that grid. A loop that only woke late is followed by loops back on the grid. Loops late by a
     * quarter of an interval or less are not looked at: a restart that shifts the grid so little
     * costs the measure little.
     */
    private static boolean keepsShift(long[] starts, int k, long expected, long interval) {
        if (k + Lateness.PHASE_LOOPS >= starts.length) {
            return false;
        }
        long shift = starts[k] - expected;
        int kept = 0;
        for (int j = 1; j <= Lateness.PHASE_LOOPS; j++) {
            if (starts[k + j] - (expected + j * interval) >= shift) {
                kept++;
            }
        }
        return kept >= Lateness.PHASE_LOOPS - 2;
    }

    /** The recorded rtimer runs against their fixed delay after the run before; the first run has none and is left out. */
    private static Result fixedDelay(Kamailio.Stamps stamps, long interval, int warmup, int loops, long cpu) {
        int first = Math.max(1, warmup);
        Histogram h = Result.empty().histogram();
        long early = 0;
        for (int i = first; i < warmup + loops; i++) {
            long late = stamps.starts()[i] - (stamps.ends()[i - 1] + interval);
            if (late < 0) {
                early++;
            }
            h.recordValue(Math.max(0, late));
        }
        return result(h, warmup + loops - first, 0, early, 0, stamps, cpu,
                Arrays.copyOfRange(stamps.starts(), first, warmup + loops));
    }

    /** {@code starts} are the recorded loops' starts; CPU is the process's, pro rata for them. */
    private static Result result(Histogram h, int loops, long overruns, long early, long drift, Kamailio.Stamps stamps,
            long cpu, long[] starts) {
        long share = cpu < 0 ? 0 : cpu * loops / stamps.count();
        return new Result(h, loops, overruns, early, drift, share, starts[loops - 1] - starts[0], -1, -1);
    }
}
