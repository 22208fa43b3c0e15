package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Control latency, measured by {@link ControlLatencyHost} in its own JVM with the agent. */
final class Control {
    /**
     * Latencies in ns per operation: the first request (cold code paths, as an operator's rare
     * request meets them) apart from the others; or why there are none.
     */
    record Latencies(Map<String, Long> first, Map<String, Histogram> byOperation, String pending) {
    }

    private Control() {
    }

    static Latencies measure(Path agentJar, int runs, Path dir) throws IOException, InterruptedException {
        Path config = dir.resolve("control.cfg");
        String route = "io.ptimer.bench.ControlRoute";
        Files.writeString(config, "modparam(\"ptimer\", \"timer\", \"name=" + ControlLatencyHost.TIMER + ";type=1;interval=10s\")\n"
                + "modparam(\"ptimer\", \"start\", \"timer=" + ControlLatencyHost.TIMER + ";route=" + route + "::start\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=" + ControlLatencyHost.TIMER + ";route=" + route + "::loop\")\n");
        Path out = dir.resolve("control.out");
        BenchJvm.withAgent(agentJar, config, List.of("-Dbench.out=" + out, "-Dbench.runs=" + runs),
                ControlLatencyHost.class.getName()).run(dir.resolve("control.log"), Duration.ofSeconds(60 + 30L * runs));
        Map<String, Long> first = new TreeMap<>();
        Map<String, Histogram> byOperation = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("pending ")) {
                return new Latencies(first, byOperation, line.substring("pending ".length()));
            }
            String[] parts = line.split(" ");
            long nanos = Long.parseLong(parts[1]);
            if (first.putIfAbsent(parts[0], nanos) != null) {
                byOperation.computeIfAbsent(parts[0], k -> Result.empty().histogram()).recordValue(nanos);
            }
        }
        return new Latencies(first, byOperation, null);
    }
}
