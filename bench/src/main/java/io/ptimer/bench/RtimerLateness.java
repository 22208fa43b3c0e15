package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The part {@code rtimer}: an rtimer with {@code mode=1} at 1 ms against
 * {@code scheduleWithFixedDelay}, both measured against their fixed-delay schedule
 * ({@code start − (previous end + interval)}), and cyclictest on its absolute grid as the operating
 * system's reference when it is installed. Each runner runs in its own process, once per round, in
 * a rotated order.
 */
final class RtimerLateness {
    static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(1);

    private RtimerLateness() {
    }

    /** Runs the part and adds its table to the report. */
    static void report(Path agent, Options options, Path out, Report report) throws IOException, InterruptedException {
        KamailioRunner kamailio = KamailioRunner.rtimer(Kamailio.at(options.kamailio));
        List<Runner> runners = List.of(new RtimerRunner(agent), JvmRunner.host("stpe fixed delay", FixedDelayHost.class),
                new Cyclictest(), kamailio);
        Map<String, String> schedules = Map.of("rtimer mode=1", "fixed delay, own thread",
                "stpe fixed delay", "ScheduledThreadPoolExecutor(1).scheduleWithFixedDelay",
                "cyclictest", "absolute grid (clock_nanosleep), the OS reference",
                "kamailio rtimer mode=1", "fixed delay, own process (Kamailio's rtimer module)");
        int loops = options.loopsPerRun(INTERVAL);
        int warmup = options.warmupLoops(INTERVAL);
        Map<String, Result> results = new LinkedHashMap<>();
        for (Runner r : runners) {
            if (r.unavailable() == null) {
                results.put(r.name(), Result.empty());
            }
        }
        for (int round = 0; round < options.rounds; round++) {
            for (int i = 0; i < runners.size(); i++) {
                Runner r = runners.get((i + round) % runners.size());
                if (results.containsKey(r.name())) {
                    System.err.printf(Locale.ROOT, "bench: rtimer part, %s, round %d of %d: %,d loops%n", r.name(),
                            round + 1, options.rounds, loops);
                    results.put(r.name(), results.get(r.name()).plus(r.run(INTERVAL, warmup, loops, out)));
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Runner r : runners) {
            Result res = results.get(r.name());
            rows.add(res == null ? List.of(r.name(), "skipped: " + r.unavailable(), "", "", "", "", "")
                    : List.of(r.name(), schedules.get(r.name()), String.format(Locale.ROOT, "%,d", res.loops()),
                            Report.micros(res.histogram().getValueAtPercentile(50)),
                            Report.micros(res.histogram().getValueAtPercentile(99)),
                            Report.micros(res.histogram().getMaxValue()), Report.number(res.cpuPercent())));
        }
        report.table(String.format(Locale.ROOT, "rtimer: mode=1 at 1 ms (%d round%s; per run %,d warm-up loops, then"
                                + " %,d recorded)", options.rounds, options.rounds == 1 ? "" : "s", warmup, loops),
                List.of("runner", "schedule", "loops", "p50 µs", "p99 µs", "max µs", "CPU % of a core"), rows);
        String cost = kamailio.takeStampCost();
        if (cost != null) {
            report.line("");
            report.line(cost + ".");
        }
    }
}
