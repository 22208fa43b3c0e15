package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark: lateness of the agent's timers against the JVM's usual timers and cyclictest,
 * start-up cost beside a no-op agent and two peer agents, a timer's first seconds, control latency,
 * shaping accuracy, core timers at scale, rtimer, async, drift, timers at scale and SIP shaping
 * (beside Kamailio itself when an install is given), in one run,
 * printed as markdown tables and written with PNG charts to the output directory. Every runner
 * runs in its own process.
 */
public final class Benchmark {
    private final Options options;
    private final Report report = new Report();
    private final Targets targets = new Targets();
    private final ScaleChart scaleChart = new ScaleChart();

    Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.agent)) {
            System.err.println("bench: no agent jar at " + options.agent.toAbsolutePath()
                    + " (build it with mvn -B -ntp -DskipTests package, or pass --agent)");
            System.exit(2);
        }
        new Benchmark(options).run();
    }

    /** Runs the parts chosen and writes report.md, lateness.png and scale.png to the output directory. */
    void run() throws IOException, InterruptedException {
        System.setProperty("java.awt.headless", "true");
        Path out = Files.createDirectories(options.out.toAbsolutePath());
        Path agent = options.agent.toAbsolutePath();
        report.line("## Benchmark run " + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        report.line("");
        report.line(Machine.describe());
        report.line(Machine.pauses());
        if (options.parts.contains("lateness")) {
            lateness(agent, out);
        }
        if (options.parts.contains("drift")) {
            Drift.report(agent, options, out, report, targets);
        }
        if (options.parts.contains("startup")) {
            Map<String, Startup.Times> times = Startup.measure(agent, options.peerAgents, options.startupRuns, out);
            report.table(String.format(Locale.ROOT, "Start-up: JVM launch to main (ms; %d round%s, each launching"
                            + " every variant once, in a rotated order)", options.startupRuns,
                    options.startupRuns == 1 ? "" : "s"), Report.startupHeader(), Report.startupRows(times));
            targets.startup(times);
        }
        if (options.parts.contains("firstsecond")) {
            FirstSecond.report(agent, options, out, report, targets);
        }
        if (options.parts.contains("control")) {
            control(agent, out);
        }
        if (options.parts.contains("shaping")) {
            shaping(agent, out);
        }
        if (options.parts.contains("core")) {
            scaleChart.core(options.timers, CoreScale.report(agent, options, out, report, targets));
        }
        if (options.parts.contains("rtimer")) {
            RtimerLateness.report(agent, options, out, report);
        }
        if (options.parts.contains("async")) {
            scaleChart.async(async(agent, out));
        }
        if (options.parts.contains("scale")) {
            TimerScale.report(agent, options, out, report, scaleChart);
        }
        if (options.parts.contains("customers")) {
            Customers.report(agent, options, out, report);
        }
        if (options.parts.contains("sip")) {
            SipShaping.report(agent, options, out, report);
        }
        if (options.parts.contains("jfr")) {
            FlightCost.report(agent, options, out, report);
        }
        if (options.parts.contains("cluster")) {
            ClusterSoak.report(agent, options, out, report, targets);
        }
        report.line("");
        report.line(Machine.load());
        report.line(Machine.pauses());
        report.table("Where it stands", List.of("goal", "measured", "met"), targets.rows());
        Files.writeString(out.resolve("report.md"), report.text());
        System.out.println();
        System.out.println("bench: report and chart in " + out);
    }

    private void lateness(Path agent, Path out) throws IOException, InterruptedException {
        List<Runner> runners = runners(agent);
        Map<String, Map<String, Result>> all = new LinkedHashMap<>();
        for (long interval : options.intervals) {
            String label = label(interval);
            int loops = options.loopsPerRun(interval);
            int warmup = options.warmupLoops(interval);
            Map<String, Result> results = new LinkedHashMap<>();
            Map<String, String> skipped = new LinkedHashMap<>();
            for (Runner r : runners) {
                if (r.unavailable() != null) {
                    skipped.put(r.name(), r.unavailable());
                } else {
                    results.put(r.name(), Result.empty());
                }
            }
            for (int round = 0; round < options.rounds; round++) {
                for (int i = 0; i < runners.size(); i++) {
                    Runner r = runners.get((i + round) % runners.size());
                    if (results.containsKey(r.name())) {
                        System.err.printf(Locale.ROOT, "bench: %s at %s, round %d of %d: %,d loops%n", r.name(), label,
                                round + 1, options.rounds, loops);
                        results.put(r.name(), results.get(r.name()).plus(r.run(interval, warmup, loops, out)));
                    }
                }
            }
            List<List<String>> rows = new ArrayList<>();
            for (Runner r : runners) {
                rows.add(results.containsKey(r.name()) ? Report.latenessRow(r.name(), results.get(r.name()))
                        : Report.skippedRow(r.name(), skipped.get(r.name())));
            }
            report.table(String.format(Locale.ROOT, "Lateness at %s (%d round%s; per run %,d warm-up loops, then %,d"
                            + " recorded, each phase cut at twice its planned time)", label, options.rounds,
                    options.rounds == 1 ? "" : "s", warmup, loops), Report.latenessHeader(), rows);
            for (Runner r : runners) {
                String cost = r instanceof KamailioRunner k ? k.takeStampCost() : null;
                if (cost != null) {
                    report.line("");
                    report.line(cost + ".");
                }
            }
            targets.lateness(label, results, loops);
            all.put(label, results);
        }
        Path png = out.resolve("lateness.png");
        Chart.write(all, png);
        report.line("");
        report.line("Chart: " + png.getFileName());
    }

    private List<Runner> runners(Path agent) {
        List<Runner> runners = new ArrayList<>();
        for (String name : options.runners) {
            runners.add(switch (name) {
                case "ptimer-default" -> JvmRunner.agent(name, agent, null);
                case "ptimer-spin" -> JvmRunner.agent(name, agent, "spin");
                case "stpe" -> JvmRunner.host(name, ExecutorHost.class);
                case "hwt" -> JvmRunner.host(name, WheelHost.class);
                case "cyclictest" -> new Cyclictest();
                case "kamailio" -> KamailioRunner.ptimer(Kamailio.at(options.kamailio));
                default -> throw new IllegalArgumentException(name);
            });
        }
        if (options.baseline != null) {
            runners.add(JvmRunner.agent("ptimer-baseline", options.baseline.toAbsolutePath(), null));
        }
        return runners;
    }

    private void control(Path agent, Path out) throws IOException, InterruptedException {
        Control.Latencies latencies = Control.measure(agent, options.controlRuns, out);
        if (latencies.pending() != null) {
            report.line("");
            report.line("### Control latency: JMX request to the worker acting on it (10 s interval)");
            report.line("");
            report.line("Pending: " + latencies.pending() + "; no figures.");
        } else {
            report.table("Control latency: JMX request to the worker acting on it (µs, 10 s interval)",
                    List.of("request", "first", "p50 of the others", "p99", "max", "runs"),
                    Report.controlRows(latencies));
        }
        targets.control(latencies);
    }

    private void shaping(Path agent, Path out) throws IOException, InterruptedException {
        List<List<String>> rows = new ArrayList<>();
        for (String shaper : Shaping.SHAPERS) {
            System.err.println("bench: shaping with " + shaper);
            rows.add(Report.shapingRow(Shaping.run(shaper, agent, options.burst, options.limit, options.idleMillis, out)));
        }
        report.table(String.format(Locale.ROOT, "Shaping: %,d-call burst at %,d CPS after %.1f s idle", options.burst,
                        options.limit, options.idleMillis / 1000.0),
                List.of("shaper", "calls", "most in any 100 ms", "most in any 1 s", "CPS while backlogged",
                        "drained after s"), rows);
    }

    /** Runs the part async and returns its delayed-route lateness, every timer under every load. */
    private List<AsyncLoad.Lateness> async(Path agent, Path out) throws IOException, InterruptedException {
        List<List<String>> rows = new ArrayList<>();
        List<AsyncLoad.Lateness> all = new ArrayList<>();
        Map<String, AsyncLoad.Lateness> atTenThousand = new LinkedHashMap<>();
        for (int pending : options.asyncPending) {
            for (String timer : AsyncLoad.TIMERS) {
                System.err.printf(Locale.ROOT, "bench: async, %s holding %,d pending routes%n", timer, pending);
                AsyncLoad.Lateness l = AsyncLoad.lateness(timer, pending, options, agent, out);
                rows.add(AsyncLoad.row(l));
                all.add(l);
                if (pending == 10_000) {
                    atTenThousand.put(timer, l);
                }
            }
        }
        report.table(String.format(Locale.ROOT, "Async delayed routes: lateness with N pending (random delays 1 ms to"
                        + " 30 s, each replaced when it runs; routes due within %.1f s recorded after %.1f s)",
                options.seconds, options.warmup), AsyncLoad.header(), rows);
        targets.async(atTenThousand);
        List<List<String>> throughput = new ArrayList<>();
        System.err.printf(Locale.ROOT, "bench: async, rounds of %,d tasks%n", options.asyncTasks);
        Properties rates = AsyncLoad.throughput(options.asyncTasks, options, agent, out);
        for (String timer : List.of("agent", "tpe")) {
            throughput.add(List.of(timer.equals("agent") ? "async group (Async.taskGroupRoute)"
                    : "ThreadPoolExecutor (bounded queue, blocking submit)", String.format(Locale.ROOT, "%,d",
                    options.asyncTasks), String.format(Locale.ROOT, "%,.0f", Double.parseDouble(rates.getProperty(timer)))));
        }
        report.table(String.format(Locale.ROOT, "Async task group throughput: 4 workers, queue 10,000, one submitting"
                        + " thread; the two pools take turns in one JVM, median of %d rounds after %.1f s warm-up",
                        AsyncLoadHost.THROUGHPUT_ROUNDS, options.warmup), List.of("pool", "tasks a round", "tasks / s"),
                throughput);
        return all;
    }

    static String label(long nanos) {
        if (nanos % TimeUnit.MILLISECONDS.toNanos(1) == 0) {
            return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
        }
        return TimeUnit.NANOSECONDS.toMicros(nanos) + " µs";
    }
}
