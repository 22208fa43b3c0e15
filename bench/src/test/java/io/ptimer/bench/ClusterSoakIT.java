package io.ptimer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's part {@code cluster} in a {@code --smoke} run: two cycles of the SIP cluster demo
 * in one flood, through the built agent and cluster jars. Its tables come out whole, every kind of
 * event shows in the transitions, the second cycle's included (the killed leader back, the fourth
 * proxy killed to join again), no second at the carrier holds more than the contract and no call of
 * a surviving proxy is lost. Where {@code sipp} is missing the part says so in one line, which
 * fails the test with {@code CI=true}.
 */
class ClusterSoakIT {

    @Test
    void twoCyclesOfEveryFaultKeepTheContract() throws Exception {
        Path agent = Path.of(System.getProperty("ptimer.agent.jar", "../agent/target/ptimer-agent.jar"));
        Path out = Path.of(System.getProperty("ptimer.bench.out", "target/bench-smoke") + "-cluster");
        Path samples = Path.of(System.getProperty("ptimer.bench.samples", "../samples"));
        new Benchmark(Options.parse("--smoke", "--only", "cluster", "--agent", agent.toString(), "--out", out.toString(),
                "--samples", samples.toString())).run();

        String report = Files.readString(out.resolve("report.md"));
        List<String> lines = report.lines().toList();
        String heading = "### One contract across proxies: a soak of 2 cycles of 24 s";
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(heading)).findFirst()
                .orElseThrow(() -> new AssertionError(heading + " missing from\n" + report)));
        if (lines.get(at + 2).startsWith("Skipped: ")) {
            assertFalse("true".equals(System.getenv("CI")), () -> "the cluster part was skipped on CI:\n" + report);
            return;
        }
        assertTrue(Integer.parseInt(cell(lines, "most INVITEs at the carrier in any 1 s", report)) <= 100,
                () -> "more than the contract in a second:\n" + report);
        assertEquals("0 / 0", cell(lines, "calls of surviving proxies lost / open", report), report);
        for (String event : List.of("start", "kill", "join", "restart", "partition", "heal", "kill leader", "leader back",
                "leave")) {
            String times = cell(lines, event, report);
            assertTrue(Integer.parseInt(times) >= 1, () -> event + " never happened:\n" + report);
        }
        assertEquals("2", cell(lines, "kill leader", report), report);
        assertTrue(report.contains("| cluster soak: at most 100 INVITEs in any 1 s through every event | "),
                () -> "no goal row in\n" + report);
    }

    /** The second cell of the table row that starts with {@code first}. */
    private static String cell(List<String> lines, String first, String report) {
        return lines.stream().filter(l -> l.startsWith("| " + first + " | ")).findFirst()
                .map(l -> l.split("\\|")[2].trim())
                .orElseThrow(() -> new AssertionError("no row " + first + " in\n" + report));
    }
}
