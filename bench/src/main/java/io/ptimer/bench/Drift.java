package io.ptimer.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The part {@code drift}: the agent's sync timer at 1 ms with {@code overrun=reanchor} and with
 * {@code overrun=skip}, each in its own child JVM through the agent jar and a configuration file,
 * and cyclictest with as many loops when it is installed: the lateness on the grid each keeps, and
 * how far its last loop is from the grid of its first recorded loop, never re-anchored.
 */
final class Drift {
    static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(1);
    private static final List<String> OVERRUNS = List.of("reanchor", "skip");

    /**
     * What an agent run counted: every loop of the timer, the grid points skipped (see
     * {@link DriftStamps#counts}), the grid points from the first loop's to the last's (-1 without
     * one grid), and the timer's MBean attribute {@code skipped} at the end (-1 without the MBean).
     */
    record Counts(long loops, long skipped, long gridPoints, long engineSkipped) {

        /** Whether the cross-check can be made: one grid and the engine's count. */
        boolean checked() {
            return gridPoints >= 0 && engineSkipped >= 0;
        }

        /** Whether every grid point passed was either run or skipped by the engine's count. */
        boolean addsUp() {
            return loops + engineSkipped == gridPoints;
        }

        static Path file(Path result) {
            return result.resolveSibling(result.getFileName() + ".counts");
        }

        void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("loops", Long.toString(loops));
            p.setProperty("skipped", Long.toString(skipped));
            p.setProperty("gridPoints", Long.toString(gridPoints));
            p.setProperty("engineSkipped", Long.toString(engineSkipped));
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "drift counts");
            }
        }

        static Counts read(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            return new Counts(Long.parseLong(p.getProperty("loops")), Long.parseLong(p.getProperty("skipped")),
                    Long.parseLong(p.getProperty("gridPoints")), Long.parseLong(p.getProperty("engineSkipped")));
        }
    }

    private Drift() {
    }

    /** Runs the part and adds its table, the cross-check of {@code skip} and its goal to the report. */
    static void report(Path agent, Options options, Path out, Report report, Targets targets)
            throws IOException, InterruptedException {
        int warmup = options.warmupLoops(INTERVAL);
        int loops = options.driftLoops;
        List<List<String>> rows = new ArrayList<>();
        Result skip = null;
        Counts skipCounts = null;
        for (String overrun : OVERRUNS) {
            System.err.printf(Locale.ROOT, "bench: drift, overrun=%s: %,d loops%n", overrun, loops);
            Path result = run(agent, overrun, warmup, loops, out);
            Result r = Result.read(result);
            Counts c = Counts.read(Counts.file(result));
            rows.add(row("ptimer overrun=" + overrun, r, c.skipped() < 0 ? "n/a" : count(c.skipped())));
            if (overrun.equals("skip")) {
                skip = r;
                skipCounts = c;
            }
        }
        Cyclictest os = new Cyclictest();
        if (os.unavailable() != null) {
            rows.add(List.of(os.name(), "skipped: " + os.unavailable(), "", "", "", "", "", ""));
        } else {
            System.err.printf(Locale.ROOT, "bench: drift, cyclictest: %,d loops%n", loops);
            rows.add(row(os.name(), os.run(INTERVAL, warmup, loops, out), "n/a"));
        }
        report.table(String.format(Locale.ROOT, "Drift at 1 ms (one run each; %,d warm-up loops, then %,d recorded)",
                        warmup, loops),
                List.of("runner", "loops", "overruns", "skipped", "p50 µs", "p99 µs", "drift µs", "drift / p99"), rows);
        report.line("");
        report.line(crossCheck(skipCounts));
        goal(targets, skip, skipCounts);
    }

    private static Path run(Path agent, String overrun, int warmup, int loops, Path dir)
            throws IOException, InterruptedException {
        String name = "drift-" + overrun;
        Path out = dir.resolve(name + ".result");
        Path config = dir.resolve(name + ".cfg");
        String route = DriftTick.class.getName();
        Files.writeString(config, "# drift part of the benchmark: one sync timer at 1 ms\n"
                + "modparam(\"ptimer\", \"timer\", \"name=drift;type=1;interval=1ms;overrun=" + overrun + "\")\n"
                + "modparam(\"ptimer\", \"start\", \"timer=drift;route=" + route + "::start\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=drift;route=" + route + "::loop\")\n"
                + "modparam(\"ptimer\", \"end\", \"timer=drift;route=" + route + "::end\")\n");
        List<String> properties = List.of("-Dbench.interval=" + INTERVAL, "-Dbench.warmup=" + warmup,
                "-Dbench.loops=" + loops, "-Dbench.overrun=" + overrun, "-Dbench.out=" + out);
        BenchJvm.withAgent(agent, config, properties, AgentHost.class.getName())
                .run(dir.resolve(name + ".log"), Duration.ofNanos(INTERVAL * (warmup + loops) * 4).plusSeconds(60));
        return out;
    }

    private static List<String> row(String runner, Result r, String skipped) {
        long p99 = r.histogram().getValueAtPercentile(99);
        return List.of(runner, count(r.loops()), count(r.overruns()), skipped,
                Report.micros(r.histogram().getValueAtPercentile(50)), Report.micros(p99), Report.micros(r.drift()),
                Report.number(Math.abs(r.drift()) / (double) Math.max(1, p99)));
    }

    private static String crossCheck(Counts c) {
        if (!c.checked()) {
            return "Cross-check of overrun=skip: none, the timer's MBean did not appear before its end route.";
        }
        return String.format(Locale.ROOT, "Cross-check of overrun=skip, over the whole run: %s loops + %s grid points"
                        + " skipped (the MBean's `skipped`) = %s; by their starts the loops span %s grid points, from"
                        + " the first loop's to the last's: %s.", count(c.loops()), count(c.engineSkipped()),
                count(c.loops() + c.engineSkipped()), count(c.gridPoints()), c.addsUp() ? "they agree" : "**they differ**");
    }

    /** Met when the drift is within one p99 of the same run and the cross-check, where made, agrees. */
    private static void goal(Targets targets, Result skip, Counts counts) {
        long p99 = skip.histogram().getValueAtPercentile(99);
        String check = !counts.checked() ? "; no cross-check" : counts.addsUp() ? ""
                : "; loops and skipped grid points do not add up to the grid points passed";
        targets.add("skip: drift over 100,000 loops at 1 ms within one p99",
                "drift " + Report.micros(skip.drift()) + " µs after " + count(skip.loops()) + " loops; p99 "
                        + Report.micros(p99) + " µs" + check,
                Math.abs(skip.drift()) <= p99 && (!counts.checked() || counts.addsUp()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
