package io.ptimer.samples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up cost: the time from launching a JVM to its {@code main} printing a line, with the agent
 * and one sync timer versus without the agent, the two alternating; medians of {@code runs} each.
 */
final class Startup {
    /** Times in ms, one per run. */
    record Times(List<Double> without, List<Double> with) {
        double medianWithout() {
            return median(without);
        }

        double medianWith() {
            return median(with);
        }

        static double median(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int n = sorted.size();
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private Startup() {
    }

    static Times measure(Path agentJar, int runs, Path dir) throws IOException, InterruptedException {
        Path config = dir.resolve("startup.cfg");
        Files.writeString(config, "modparam(\"ptimer\", \"timer\", \"name=startup;type=1;interval=1s\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=startup;route=" + StartupHost.class.getName() + "::tick\")\n");
        BenchJvm without = BenchJvm.plain(List.of(), StartupHost.class.getName());
        BenchJvm with = BenchJvm.withAgent(agentJar, config, List.of(), StartupHost.class.getName());
        once(without);
        once(with);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (i % 2 == 0) {
                a.add(once(without));
                b.add(once(with));
            } else {
                b.add(once(with));
                a.add(once(without));
            }
        }
        return new Times(a, b);
    }

    /** One launch; returns ms from start to the line from main. */
    private static double once(BenchJvm child) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(child.command()).redirectErrorStream(true).start();
        long reached = -1;
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (reached < 0 && line.equals(StartupHost.REACHED)) {
                    reached = System.nanoTime();
                } else {
                    seen.add(line);
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || reached < 0) {
            p.destroyForcibly();
            throw new IOException("start-up run failed: " + String.join("\n", seen));
        }
        return (reached - start) / 1e6;
    }
}
