package io.ptimer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's parts {@code core} and {@code rtimer} in a {@code --smoke} run through the built
 * agent jar: both tables come out with figures for every runner that can run here. Figures are
 * never checked against goals: the machine running the build may be busy.
 */
class TimerPartsSmokeIT {

    @Test
    void smokeRunReportsCoreTimersAtScaleAndRtimer() throws Exception {
        Path agent = Path.of(System.getProperty("ptimer.agent.jar", "../agent/target/ptimer-agent.jar"));
        Path out = Path.of(System.getProperty("ptimer.bench.out", "target/bench-smoke") + "-timer-parts");
        new Benchmark(Options.parse("--smoke", "--only", "core,rtimer", "--agent", agent.toString(), "--out",
                out.toString())).run();

        String report = Files.readString(out.resolve("report.md"));
        for (String heading : List.of("### Core timers at scale: 200 periodic timers", "### rtimer: mode=1 at 1 ms")) {
            assertTrue(report.contains(heading), () -> heading + " missing from\n" + report);
        }
        for (String runner : List.of("ptimer core timers", "ptimer core timers, its re-anchored grid", "stpe", "hwt",
                "rtimer mode=1", "stpe fixed delay")) {
            assertTrue(report.lines().anyMatch(l -> l.startsWith("| " + runner + " | ") && l.matches(".*\\| [\\d,]+ \\| .*")),
                    () -> runner + " has no row with figures in\n" + report);
        }
        assertTrue(report.lines().anyMatch(l -> l.startsWith("| cyclictest | ")), () -> "no cyclictest row in\n" + report);
        assertTrue(report.contains("| core timers at scale: p99 ≤ 1 ms | "), () -> "no goal row in\n" + report);
    }
}
