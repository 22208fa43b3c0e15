package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part {@code core}: many periodic timers on one thread, with intervals spread from 10 ms to
 * 1 s: the agent's core timers on {@code ptimer-core} against {@code ScheduledThreadPoolExecutor(1)}
 * and Netty's {@code HashedWheelTimer}, each in its own child JVM with the same heap, reported as
 * lateness, CPU and heap per timer.
 */
final class CoreScale {
    /** The child JVMs' heap: the same for every runner, room for 10,000 timers of any of them. */
    static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m");

    /** A runner of the part: its name, how it schedules, and its host class. */
    private record Runner(String name, String schedule, Class<?> host, boolean agent) {
    }

    private static final List<Runner> RUNNERS = List.of(
            new Runner("ptimer core timers", "CoreTimers.registerTimerMs, ptimer-core", CoreScaleHost.class, true),
            new Runner("stpe", "ScheduledThreadPoolExecutor(1).scheduleAtFixedRate", ExecutorScaleHost.class, false),
            new Runner("hwt", "HashedWheelTimer (1 ms tick), newTimeout re-armed", WheelScaleHost.class, false));

    /** One runner's figures: lateness against the registration grid and against a re-anchored one. */
    record Figures(Result lateness, Result reanchored, long heapPerTimer) {
    }

    private CoreScale() {
    }

    /** Runs the part, adds its table to the report and its goals to the targets, and returns each runner's figures. */
    static Map<String, Figures> report(Path agent, Options options, Path out, Report report, Targets targets)
            throws IOException, InterruptedException {
        long warmup = (long) (Math.max(options.warmup, 0.5) * 1e9);
        long window = (long) (Math.max(options.seconds, 1) * 1e9);
        Map<String, Figures> all = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (Runner r : RUNNERS) {
            System.err.printf(Locale.ROOT, "bench: core timers at scale, %s: %,d timers%n", r.name(), options.timers);
            Figures f = run(r, agent, options.timers, warmup, window, out);
            all.put(r.name(), f);
            rows.add(row(r.name(), r.schedule(), f.lateness(), f.heapPerTimer()));
            if (r.agent()) {
                rows.add(row(r.name() + ", its re-anchored grid", "the same run, against the grid the agent keeps"
                        + " (restarted after an overrun)", f.reanchored(), f.heapPerTimer()));
            }
        }
        report.table(String.format(Locale.ROOT, "Core timers at scale: %,d periodic timers, intervals %d ms to %d ms,"
                                + " one thread (%.1f s recorded after %.1f s warm-up)", options.timers,
                        Spread.SHORTEST_MS, Spread.LONGEST_MS, window / 1e9, warmup / 1e9),
                List.of("runner", "schedule", "runs", "p50 µs", "p99 µs", "max µs", "late by over an interval",
                        "CPU % of a core", "heap bytes per timer"), rows);
        Figures ours = all.get(RUNNERS.get(0).name());
        goals(targets, ours.lateness(), ours.reanchored(), all.get("stpe").lateness(), all.get("hwt").lateness());
        return all;
    }

    private static List<String> row(String name, String schedule, Result l, long heapPerTimer) {
        return List.of(name, schedule, String.format(Locale.ROOT, "%,d", l.loops()),
                Report.micros(l.histogram().getValueAtPercentile(50)), Report.micros(l.histogram().getValueAtPercentile(99)),
                Report.micros(l.histogram().getMaxValue()), String.format(Locale.ROOT, "%,d", l.overruns()),
                Report.number(l.cpuPercent()), String.format(Locale.ROOT, "%,d", heapPerTimer));
    }

    /** The goals, on the registration grid; the re-anchored grid's p99 is shown beside. */
    private static void goals(Targets targets, Result ours, Result reanchored, Result stpe, Result hwt) {
        long p99 = ours.histogram().getValueAtPercentile(99);
        targets.add("core timers at scale: p99 ≤ 1 ms", Report.micros(p99) + " µs (on its re-anchored grid "
                + Report.micros(reanchored.histogram().getValueAtPercentile(99)) + " µs)", p99 <= 1_000_000);
        targets.add("core timers at scale: ≤ 10% of one core", Report.number(ours.cpuPercent()) + " %",
                ours.cpuPercent() <= 10);
        long stpeP99 = stpe.histogram().getValueAtPercentile(99);
        long hwtP99 = hwt.histogram().getValueAtPercentile(99);
        targets.add("core timers at scale: p99 ahead of ScheduledThreadPoolExecutor and HashedWheelTimer",
                Report.micros(p99) + " vs " + Report.micros(stpeP99) + " and " + Report.micros(hwtP99) + " µs",
                p99 < stpeP99 && p99 < hwtP99);
    }

    private static Figures run(Runner r, Path agent, int timers, long warmup, long window, Path dir)
            throws IOException, InterruptedException {
        String file = "core-" + r.name().replace(' ', '-');
        Path result = dir.resolve(file + ".result");
        List<String> properties = new ArrayList<>(HEAP);
        properties.addAll(List.of("-Dbench.timers=" + timers, "-Dbench.warmup=" + warmup,
                "-Dbench.window=" + window, "-Dbench.out=" + result));
        BenchJvm child = r.agent() ? BenchJvm.withAgent(agent, null, properties, r.host().getName())
                : BenchJvm.plain(properties, r.host().getName());
        child.run(dir.resolve(file + ".log"), Duration.ofNanos(warmup + window).plusSeconds(120));
        return new Figures(Result.read(result), Result.read(result.resolveSibling(result.getFileName() + ".reanchored")),
                ScaleProbe.heapPerTimer(result));
    }
}
