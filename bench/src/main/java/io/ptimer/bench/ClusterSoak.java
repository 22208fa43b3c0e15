package io.ptimer.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part {@code cluster}, run only when asked for: a soak of the samples' SIP cluster demo
 * ({@code io.ptimer.samples.sip.SipClusterDemo}), three proxies under one carrier contract, for
 * {@code --cluster-cycles} cycles of 40 s in one flood (24 s with {@code --smoke}), each cycle
 * killing a proxy, adding a fourth, bringing the killed one back, cutting a proxy off for 3 s and
 * killing the leader (from the second cycle on, the leader killed comes back and the fourth is
 * killed to join again). The figures are the demo's {@code figures sip-cluster} line, measured
 * from the carrier's trace.
 */
final class ClusterSoak {
    private static final Pattern EVENT = Pattern.compile("([a-z_]+?)(?:_(\\d+))?_(recovered_s|short)");
    private static final int LIMIT = 100;
    /** The demo's own cycle: its events' default seconds. */
    private static final Cycle CYCLE = new Cycle(40, 8, 14, 20, 26, 34);
    private static final Cycle SMOKE_CYCLE = new Cycle(24, 5, 8, 11, 14, 20);

    /** A cycle's length and the seconds into it of each event; the cut proxy is healed 3 s after its cut. */
    private record Cycle(int seconds, int kill, int join, int restart, int partition, int killLeader) {
        List<String> options() {
            return List.of("--seconds", String.valueOf(seconds), "--kill", String.valueOf(kill), "--join", String.valueOf(join),
                    "--restart", String.valueOf(restart), "--partition", String.valueOf(partition), "--kill-leader",
                    String.valueOf(killLeader));
        }
    }

    private ClusterSoak() {
    }

    /** Runs the part and adds its tables, or one line saying why it was skipped, to the report. */
    static void report(Path agent, Options options, Path out, Report report, Targets targets)
            throws IOException, InterruptedException {
        Path samples = options.samples.toAbsolutePath();
        Path clusterJar = samples.resolveSibling("cluster").resolve("target/ptimer-cluster.jar");
        int cycles = options.clusterCycles;
        Cycle cycle = options.smoke ? SMOKE_CYCLE : CYCLE;
        String title = String.format(Locale.ROOT, "One contract across proxies: a soak of %d cycle%s of %d s, three proxies"
                + " flooded at 200 CPS each, contract %d CPS at the carrier", cycles, cycles == 1 ? "" : "s", cycle.seconds(), LIMIT);
        String skipped = DemoRun.unavailable(samples);
        if (skipped == null && !Files.isRegularFile(clusterJar)) {
            skipped = "the cluster jar is not built: " + clusterJar;
        }
        if (skipped != null) {
            report.skipped(title, skipped);
            return;
        }
        Map<String, String> f = run(agent, clusterJar, samples, cycles, cycle, out);
        report.table(title, List.of("measure", "value"), List.of(
                List.of("most INVITEs at the carrier in any 1 s", f.get("max_1s")),
                List.of("rate while backlogged, outside transitions", f.get("rate_outside") + "/s over " + f.get("outside_s") + " s"),
                List.of("fewest in a 1 s window outside transitions", f.get("min_1s_outside")),
                List.of("calls of surviving proxies lost / open", f.get("lost") + " / " + f.get("open")),
                List.of("calls answered 503 after the queue timeout", f.get("answered_503")),
                List.of("INVITEs into their step at the carrier, latest", f.get("arrival_phase_max_ms") + " ms"),
                List.of("from relay to carrier, 99.9th percentile / longest", f.get("carrier_lag_p999_ms") + " / "
                        + f.get("carrier_lag_max_ms") + " ms")));
        report.table("Transitions of the soak: time until a 1 s window holds 90% of the contract again, calls short",
                List.of("event", "times", "recovered after, median / longest", "calls short, median / most"), transitions(f));
        int most = Integer.parseInt(f.get("max_1s"));
        double rate = Double.parseDouble(f.get("rate_outside"));
        targets.add("cluster soak: at most " + LIMIT + " INVITEs in any 1 s through every event", String.valueOf(most), most <= LIMIT);
        targets.add("cluster soak: ≥ 95% of the contract while backlogged, outside transitions",
                String.format(Locale.ROOT, "%.1f%%", rate * 100 / LIMIT), rate >= 0.95 * LIMIT);
    }

    /** The demo's figures. */
    private static Map<String, String> run(Path agent, Path clusterJar, Path samples, int cycles, Cycle cycle, Path out)
            throws IOException, InterruptedException {
        System.err.printf(Locale.ROOT, "bench: cluster, %d cycles of %d s%n", cycles, cycle.seconds());
        Path dir = Files.createDirectories(out.resolve("cluster"));
        String classpath = samples.resolve("target/classes") + File.pathSeparator + samples.resolve("target/lib/*");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, "io.ptimer.samples.sip.SipClusterDemo", "--cycles", String.valueOf(cycles), "--agent",
                agent.toString(), "--cluster-jar", clusterJar.toString(), "--classpath", classpath, "--config-dir",
                samples.resolve("config").toString(), "--out", dir.toString()));
        cmd.addAll(cycle.options());
        return DemoRun.figures(cmd, dir, "sip-cluster", "the SIP cluster demo", (long) cycles * cycle.seconds() + 240);
    }

    /** One row per kind of event: how often, and its recoveries and calls short over the cycles. */
    private static List<List<String>> transitions(Map<String, String> f) {
        Map<String, List<Double>> recovered = new TreeMap<>();
        Map<String, List<Double>> shortOf = new TreeMap<>();
        for (Map.Entry<String, String> e : f.entrySet()) {
            Matcher m = EVENT.matcher(e.getKey());
            if (m.matches()) {
                (m.group(3).equals("short") ? shortOf : recovered).computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(Double.parseDouble(e.getValue()));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : recovered.entrySet()) {
            List<Double> r = e.getValue().stream().sorted().toList();
            List<Double> s = shortOf.getOrDefault(e.getKey(), List.of()).stream().sorted().toList();
            rows.add(List.of(e.getKey().replace('_', ' '), String.valueOf(r.size()),
                    String.format(Locale.ROOT, "%.2f / %.2f s", r.get((r.size() - 1) / 2), r.get(r.size() - 1)),
                    s.isEmpty() ? "" : String.format(Locale.ROOT, "%.0f / %.0f", s.get((s.size() - 1) / 2), s.get(s.size() - 1))));
        }
        return rows;
    }
}
