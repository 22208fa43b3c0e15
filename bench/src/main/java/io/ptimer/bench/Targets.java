package io.ptimer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The project's goals for the agent, each checked against the figures of this run: the report's
 * "Where it stands" table (see docs/benchmark.md).
 */
final class Targets {
    private static final String DEFAULT = "ptimer-default";
    private final List<List<String>> rows = new ArrayList<>();

    void lateness(String interval, Map<String, Result> results, int loopsPerRun) {
        Result ours = results.get(DEFAULT);
        Result os = results.get("cyclictest");
        Result spin = results.get("ptimer-spin");
        boolean oneMs = interval.equals("1 ms");
        if (ours != null && os != null && (oneMs || interval.equals("100 µs"))) {
            long p50 = p(ours, 50);
            long p99 = p(ours, 99);
            add("default sync at " + interval + ": p50 and p99 ≤ cyclictest's",
                    "p50 " + us(p50) + " vs " + us(p(os, 50)) + ", p99 " + us(p99) + " vs " + us(p(os, 99)),
                    p50 <= p(os, 50) && p99 <= p(os, 99));
        }
        if (ours != null && oneMs) {
            add("default sync at 1 ms: ≤ 10% of one core", Report.number(ours.cpuPercent()) + " %",
                    ours.cpuPercent() <= 10);
        }
        if (spin != null && oneMs) {
            add("spin at 1 ms: p50 ≤ 5 µs, p99 ≤ 50 µs", "p50 " + us(p(spin, 50)) + ", p99 " + us(p(spin, 99)),
                    p(spin, 50) <= 5_000 && p(spin, 99) <= 50_000);
        }
        ratio(interval, ours, results.get("stpe"), "ScheduledThreadPoolExecutor", 5);
        ratio(interval, ours, results.get("hwt"), "HashedWheelTimer", 10);
    }

    void startup(Map<String, Startup.Times> times) {
        double noOp = times.get(Startup.NO_OP).median();
        double cost = times.get(Startup.PTIMER).median() - noOp;
        add("agent start-up ≤ 15 ms above a no-op agent", Report.number(cost) + " ms (median − no-op median); peers"
                        + " above the no-op agent: Jolokia " + above(times.get(Startup.JOLOKIA), noOp)
                        + ", Prometheus jmx_exporter " + above(times.get(Startup.PROMETHEUS), noOp), cost <= 15);
    }

    private static String above(Startup.Times peer, double noOp) {
        return peer.skipped() != null ? "skipped" : Report.number(peer.median() - noOp) + " ms";
    }

    void control(Control.Latencies latencies) {
        if (latencies.pending() != null) {
            rows.add(List.of("control latency ≤ 1 ms", "not measured: " + latencies.pending(), "pending"));
            return;
        }
        latencies.byOperation().forEach((operation, h) -> add("control latency (" + operation + ") ≤ 1 ms",
                "p99 " + us(h.getValueAtPercentile(99)) + " (first request " + us(latencies.first().get(operation))
                        + ", not counted)", h.getValueAtPercentile(99) <= 1_000_000));
    }

    void async(Map<String, AsyncLoad.Lateness> atTenThousand) {
        AsyncLoad.Lateness ours = atTenThousand.get("agent");
        if (ours == null) {
            return;
        }
        long p99 = ours.histogram().getValueAtPercentile(99);
        long stpe = atTenThousand.get("stpe").histogram().getValueAtPercentile(99);
        long hwt = atTenThousand.get("hwt").histogram().getValueAtPercentile(99);
        add("async delayed routes, 10,000 pending: p99 ≤ 200 µs and ahead of ScheduledThreadPoolExecutor and"
                + " HashedWheelTimer", us(p99) + " vs " + us(stpe) + " and " + us(hwt),
                p99 <= 200_000 && p99 < stpe && p99 < hwt);
    }

    List<List<String>> rows() {
        return rows;
    }

    private void ratio(String interval, Result ours, Result peer, String peerName, int factor) {
        if (ours == null || peer == null) {
            return;
        }
        double ratio = (double) p(peer, 99) / Math.max(1, p(ours, 99));
        add("default sync p99 at " + interval + " ≥ " + factor + "× better than " + peerName,
                String.format(Locale.ROOT, "%s vs %s: %.1f×", us(p(ours, 99)), us(p(peer, 99)), ratio),
                ratio >= factor);
    }

    void add(String target, String measured, boolean met) {
        rows.add(List.of(target, measured, met ? "yes" : "**no**"));
    }

    private static long p(Result r, double percentile) {
        Histogram h = r.histogram();
        return h.getValueAtPercentile(percentile);
    }

    private static String us(long nanos) {
        return Report.micros(nanos) + " µs";
    }
}
