package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part {@code jfr}: what one late loop's Flight Recorder report costs the worker, in a child JVM
 * with the agent, with no recorder started, with the event disabled, and with it recorded without and
 * with a stack trace. A loop on time pays only the comparison that finds it on time.
 */
final class FlightCost {
    private static final Map<String, String> CASES = Map.of("none", "no flight recorder started in the JVM",
            "disabled", "a recording running, io.ptimer.LateLoop disabled",
            "enabled", "a recording running, the event enabled, no stack trace (ptimer.jfc)",
            "stack", "the same with a stack trace");

    private FlightCost() {
    }

    static void report(Path agent, Options options, Path out, Report report) throws IOException, InterruptedException {
        Path log = out.resolve("jfr-cost.log");
        System.err.println("bench: jfr part: the cost of a late loop's Flight Recorder report");
        BenchJvm.withAgent(agent, null, List.of("-Dbench.calls=" + (options.smoke ? 100_000 : 1_000_000)),
                FlightCostHost.class.getName()).run(log, Duration.ofMinutes(5));
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("COST ")) {
                String[] words = line.split(" ");
                rows.add(List.of(CASES.get(words[1]), words[2]));
            }
        }
        report.table("Flight Recorder: what a late loop's report costs (best of five rounds' mean, after warming up)",
                List.of("case", "ns per late loop"), rows);
    }
}
