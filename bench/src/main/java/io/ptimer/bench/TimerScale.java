package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The part {@code scale}: 1 to 1,000 periodic timers at 10 ms: the agent's sync timer with one
 * worker, its own thread, per timer ({@code nworkers}, as Kamailio's ptimer runs them),
 * {@code ScheduledThreadPoolExecutor(1)} and Netty's {@code HashedWheelTimer}, each count and runner
 * in its own child JVM with the same heap, reported as lateness, CPU and heap per timer, and drawn
 * in {@code scale.png} with the points the parts {@code core} and {@code async} gave in the same
 * run.
 */
final class TimerScale {
    static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(10);
    /** The most workers a timer may have. */
    private static final int MAX_WORKERS = 1024;
    /** How long the agent's timers may run before the warm-up: its MBeans and every worker's first run. */
    private static final long LEAD = TimeUnit.SECONDS.toNanos(30);

    /** A runner of the part: its name in the table, its series in the chart, its host class, whether it is the agent. */
    private record Runner(String name, String series, Class<?> host, boolean agent) {
    }

    private static final List<Runner> RUNNERS = List.of(
            new Runner("ptimer sync timer, a worker per timer", "ptimer sync timer, a worker each (10 ms)",
                    PtimerScaleHost.class, true),
            new Runner("stpe", "ScheduledThreadPoolExecutor(1) (10 ms)", ExecutorScaleHost.class, false),
            new Runner("hwt", "HashedWheelTimer, 1 ms tick (10 ms)", WheelScaleHost.class, false));

    /** One run's figures: lateness on the grid its runner keeps, and the heap per timer. */
    private record Figures(Result lateness, long heapPerTimer) {
    }

    private TimerScale() {
    }

    /** Runs the part, adds its table to the report and its points to the chart, and writes the chart. */
    static void report(Path agent, Options options, Path out, Report report, ScaleChart chart)
            throws IOException, InterruptedException {
        long warmup = (long) (Math.max(options.warmup, 0.5) * 1e9);
        long window = (long) (Math.max(options.seconds, 1) * 1e9);
        List<List<String>> rows = new ArrayList<>();
        for (int timers : options.scaleCounts) {
            for (Runner r : RUNNERS) {
                if (r.agent() && timers > MAX_WORKERS) {
                    rows.add(List.of(r.name(), count(timers), "skipped: a timer has at most " + MAX_WORKERS
                            + " workers", "", "", "", ""));
                    continue;
                }
                System.err.printf(Locale.ROOT, "bench: timers at scale, %s: %,d timers%n", r.name(), timers);
                Figures f = run(r, agent, timers, warmup, window, out);
                Result l = f.lateness();
                rows.add(List.of(r.name(), count(timers), count(l.loops()),
                        Report.micros(l.histogram().getValueAtPercentile(50)),
                        Report.micros(l.histogram().getValueAtPercentile(99)), Report.number(l.cpuPercent()),
                        count(f.heapPerTimer())));
                chart.add(r.series(), timers, l.histogram().getValueAtPercentile(99));
            }
        }
        report.table(String.format(Locale.ROOT, "Timers at scale: N periodic timers at 10 ms (%.1f s recorded after"
                        + " %.1f s warm-up)", window / 1e9, warmup / 1e9),
                List.of("runner", "timers", "runs", "p50 µs", "p99 µs", "CPU % of a core", "heap bytes per timer"),
                rows);
        Path png = out.resolve("scale.png");
        chart.write(png);
        report.line("");
        report.line("Chart: " + png.getFileName());
    }

    private static Figures run(Runner r, Path agent, int timers, long warmup, long window, Path dir)
            throws IOException, InterruptedException {
        String file = "scale-" + r.host().getSimpleName() + "-" + timers;
        Path result = dir.resolve(file + ".result");
        Duration timeout = Duration.ofNanos(LEAD + warmup + window).plusSeconds(120);
        if (!r.agent()) {
            BenchJvm.plain(properties(timers, warmup, window, result), r.host().getName())
                    .run(dir.resolve(file + ".log"), timeout);
            return new Figures(Result.read(result), ScaleProbe.heapPerTimer(result));
        }
        Path config = dir.resolve(file + ".cfg");
        String route = PtimerScaleTick.class.getName();
        String timer = PtimerScaleHost.TIMER;
        Files.writeString(config, "# scale part of the benchmark: one sync timer, a worker per timer\n"
                + "modparam(\"ptimer\", \"timer\", \"name=" + timer + ";type=1;interval=10ms;nworkers=" + timers + ";thread=own\")\n"
                + "modparam(\"ptimer\", \"start\", \"timer=" + timer + ";route=" + route + "::start\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=" + timer + ";route=" + route + "::loop\")\n");
        BenchJvm.withAgent(agent, config, properties(timers, warmup, window, result), r.host().getName())
                .run(dir.resolve(file + ".log"), timeout);
        Path baseline = dir.resolve(file + "-baseline.result");
        List<String> properties = properties(timers, warmup, window, baseline);
        properties.add("-Dbench.baseline=true");
        BenchJvm.withAgent(agent, null, properties, r.host().getName()).run(dir.resolve(file + "-baseline.log"), timeout);
        long heap = (ScaleProbe.heapUsed(result) - ScaleProbe.heapUsed(baseline)) / timers;
        return new Figures(Result.read(result.resolveSibling(result.getFileName() + ".reanchored")), heap);
    }

    private static List<String> properties(int timers, long warmup, long window, Path out) {
        List<String> properties = new ArrayList<>(CoreScale.HEAP);
        properties.addAll(List.of("-Dbench.timers=" + timers, "-Dbench.interval=" + INTERVAL,
                "-Dbench.warmup=" + warmup, "-Dbench.window=" + window, "-Dbench.lead=" + LEAD, "-Dbench.out=" + out));
        return properties;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
