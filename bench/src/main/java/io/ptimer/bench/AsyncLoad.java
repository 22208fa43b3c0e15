package io.ptimer.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.HdrHistogram.Histogram;

/**
 * The async part: delayed-route lateness under 1,000 to 100,000 pending routes for the agent
 * ({@code Async.msRoute}, with the default and the {@code sleep} precision), {@code ScheduledThreadPoolExecutor.schedule} and Netty's
 * {@code HashedWheelTimer.newTimeout}, each in its own JVM holding the same load; heap per pending
 * route; and task throughput of an async group against a plain {@code ThreadPoolExecutor}, both in
 * the one JVM, taking turns.
 */
final class AsyncLoad {
    static final List<String> TIMERS = List.of("agent", "agent-sleep", "stpe", "hwt");

    /** One timer's figures under one load. */
    record Lateness(String timer, int pending, Histogram histogram, double heapPerPending) {
    }

    private AsyncLoad() {
    }

    static Lateness lateness(String timer, int pending, Options o, Path agent, Path dir)
            throws IOException, InterruptedException {
        String name = "async-" + timer + "-" + pending;
        Properties p = run(timer, name, List.of("-Dbench.part=lateness", "-Dbench.pending=" + pending,
                "-Dbench.warmup=" + (long) (o.warmup * 1000), "-Dbench.window=" + (long) (o.seconds * 1000)), agent, dir);
        Histogram h = Result.read(Path.of(p.getProperty("histogram"))).histogram();
        return new Lateness(timer, pending, h, Double.parseDouble(p.getProperty("heapPerPending")));
    }

    /** Tasks per second of the async group ({@code agent}) and of the plain pool ({@code tpe}), measured in one JVM. */
    static Properties throughput(int tasks, Options o, Path agent, Path dir) throws IOException, InterruptedException {
        return run("agent", "async-tasks", List.of("-Dbench.part=throughput", "-Dbench.tasks=" + tasks,
                "-Dbench.warmup=" + (long) (o.warmup * 1000)), agent, dir);
    }

    private static Properties run(String timer, String name, List<String> properties, Path agent, Path dir)
            throws IOException, InterruptedException {
        Path out = dir.resolve(name + ".result");
        List<String> all = new ArrayList<>(properties);
        all.add("-Dbench.timer=" + timer);
        all.add("-Dbench.out=" + out);
        BenchJvm child;
        if (timer.startsWith("agent")) {
            Path config = dir.resolve(name + ".cfg");
            Files.writeString(config, "# async part of the benchmark: one async timer thread, one task group\n"
                    + "modparam(\"async\", \"workers\", 1)\n"
                    + (timer.equals("agent-sleep") ? "modparam(\"async\", \"precision\", \"sleep\")\n" : "")
                    + "async_workers_group=\"name=" + AsyncLoadHost.GROUP + ";workers=" + AsyncLoadHost.WORKERS
                    + ";nonblock=0;usleep=0\"\n");
            child = BenchJvm.withAgent(agent, config, all, AsyncLoadHost.class.getName());
        } else {
            child = BenchJvm.plain(all, AsyncLoadHost.class.getName());
        }
        child.run(dir.resolve(name + ".log"), Duration.ofMinutes(5));
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(out)) {
            p.load(r);
        }
        return p;
    }

    static List<String> header() {
        return List.of("timer", "pending", "due in window", "p50 µs", "p99 µs", "p99.9 µs", "max µs",
                "heap per pending route (bytes)");
    }

    static List<String> row(Lateness l) {
        Histogram h = l.histogram();
        return List.of(label(l.timer()), String.format(Locale.ROOT, "%,d", l.pending()),
                String.format(Locale.ROOT, "%,d", h.getTotalCount()), Report.micros(h.getValueAtPercentile(50)),
                Report.micros(h.getValueAtPercentile(99)), Report.micros(h.getValueAtPercentile(99.9)),
                Report.micros(h.getMaxValue()), Report.number(l.heapPerPending()));
    }

    static String label(String timer) {
        return switch (timer) {
            case "agent" -> "ptimer Async.msRoute";
            case "agent-sleep" -> "ptimer Async.msRoute, precision=sleep";
            case "stpe" -> "ScheduledThreadPoolExecutor";
            case "hwt" -> "HashedWheelTimer (1 ms tick)";
            default -> timer;
        };
    }
}
