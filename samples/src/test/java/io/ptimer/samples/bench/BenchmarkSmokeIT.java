package io.ptimer.samples.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's {@code --smoke} run, end to end through the built agent jar: every part runs and
 * reports, and the chart is written. It checks that figures are there, never what they are: the
 * machine running the build may be busy.
 */
class BenchmarkSmokeIT {

    @Test
    void smokeRunReportsEveryMeasurementAndWritesTheChart() throws Exception {
        Path agent = Path.of(System.getProperty("ptimer.agent.jar", "../agent/target/ptimer-agent.jar"));
        Path out = Path.of(System.getProperty("ptimer.bench.out", "target/bench-smoke"));
        new Benchmark(Options.parse("--smoke", "--agent", agent.toString(), "--out", out.toString())).run();

        String report = Files.readString(out.resolve("report.md"));
        for (String heading : List.of("### Lateness at 100 µs", "### Lateness at 1 ms", "### Lateness at 10 ms",
                "### Start-up", "### Control latency", "### Shaping", "### Async delayed routes", "### Async task group throughput",
                "### Where it stands")) {
            assertTrue(report.contains(heading), () -> heading + " missing from\n" + report);
        }
        for (String runner : List.of("ptimer-default", "ptimer-spin", "stpe", "hwt")) {
            assertTrue(report.lines().anyMatch(l -> l.startsWith("| " + runner + " | ") && l.matches(".*\\| [\\d,]+ \\| .*")),
                    () -> runner + " has no lateness row with figures in\n" + report);
            assertFalse(report.contains("| " + runner + " | skipped"), runner + " was skipped");
        }
        for (String shaper : Shaping.SHAPERS) {
            assertTrue(report.contains("| " + shaper + " | "), () -> shaper + " missing from the shaping table");
        }
        for (String timer : AsyncLoad.TIMERS) {
            assertTrue(report.contains("| " + AsyncLoad.label(timer) + " | 1,000 | "),
                    () -> timer + " has no async lateness row in\n" + report);
        }
        byte[] png = Files.readAllBytes(out.resolve("lateness.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "lateness.png is no PNG");
    }
}
