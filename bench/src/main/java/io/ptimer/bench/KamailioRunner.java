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
 * loops are measured against the module's own grid as {@link Lateness#replay} places it (the
 * module restarts it after an overrun, as the agent does); the rtimer runs against their fixed
 * delay, {@code start − (previous stamp + interval)}. CPU is the timer process's, pro rata for the
 * recorded loops, the stamps' cost included.
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

    /** What one stamp cost in the runs so far ({@code U − T}), or {@code null} before any. */
    String stampCost() {
        return stampCost.getTotalCount() == 0 ? null : String.format(Locale.ROOT,
                "%s: one stamp ($TV(Sm) written by xlog to a file on tmpfs) cost p50 %s µs, p99 %s µs over %,d loops",
                name(), Report.micros(stampCost.getValueAtPercentile(50)), Report.micros(stampCost.getValueAtPercentile(99)),
                stampCost.getTotalCount());
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
        Process p = kamailio.start(rtimer ? "rtimer-lateness" : "ptimer-lateness", List.of("TIMER=\"" + timer + "\""), 0,
                dir, log);
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

    /** The recorded ptimer loops against the module's grid; an overrun is a loop begun at once after the one before. */
    private static Result grid(Kamailio.Stamps stamps, long interval, int warmup, int loops, long cpu) {
        long[] starts = Arrays.copyOfRange(stamps.starts(), warmup, warmup + loops);
        long[] ends = Arrays.copyOfRange(stamps.ends(), warmup, warmup + loops);
        Lateness replay = Lateness.replay(interval, starts, ends);
        Histogram h = Result.empty().histogram();
        long overruns = 0;
        for (int i = 0; i < loops; i++) {
            h.recordValue(replay.placed(i));
            if (i > 0 && starts[i] - ends[i - 1] < interval / 2) {
                overruns++;
            }
        }
        long drift = starts[loops - 1] - (starts[0] + (loops - 1) * interval);
        return result(h, loops, overruns, 0, drift, stamps, cpu, starts);
    }

    /** The recorded rtimer runs against their fixed delay after the run before; the first run has none and is left out. */
    private static Result fixedDelay(Kamailio.Stamps stamps, long interval, int warmup, int loops, long cpu) {
        long[] starts = Arrays.copyOfRange(stamps.starts(), warmup, warmup + loops);
        Histogram h = Result.empty().histogram();
        long early = 0;
        for (int i = Math.max(1, warmup); i < warmup + loops; i++) {
            long late = stamps.starts()[i] - (stamps.ends()[i - 1] + interval);
            if (late < 0) {
                early++;
            }
            h.recordValue(Math.max(0, late));
        }
        return result(h, loops, 0, early, 0, stamps, cpu, starts);
    }

    private static Result result(Histogram h, int loops, long overruns, long early, long drift, Kamailio.Stamps stamps,
            long cpu, long[] starts) {
        long share = cpu < 0 ? 0 : cpu * loops / stamps.count();
        return new Result(h, loops, overruns, early, drift, share, starts[loops - 1] - starts[0], -1, -1);
    }
}
