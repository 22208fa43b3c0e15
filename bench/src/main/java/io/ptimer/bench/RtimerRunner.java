package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent's rtimer with {@code mode=1} in its own child JVM, configured as users do
 * ({@code modparam("rtimer", ...)} lines in a file): one thread running the exec route
 * {@link RtimerTick} a fixed delay after each run ends.
 */
final class RtimerRunner implements Runner {
    private final Path agentJar;

    RtimerRunner(Path agentJar) {
        this.agentJar = agentJar;
    }

    @Override
    public String name() {
        return "rtimer mode=1";
    }

    @Override
    public Result run(long intervalNanos, int warmup, int loops, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("rtimer-" + System.nanoTime() + ".result");
        Path config = dir.resolve(out.getFileName() + ".cfg");
        Files.writeString(config, "# rtimer lateness run of the benchmark\n"
                + "modparam(\"rtimer\", \"timer\", \"name=bench;mode=1;interval=" + TimeUnit.NANOSECONDS.toMicros(intervalNanos)
                + "u\")\n"
                + "modparam(\"rtimer\", \"exec\", \"timer=bench;route=" + RtimerTick.class.getName() + "::run\")\n");
        BenchJvm child = BenchJvm.withAgent(agentJar, config, List.of("-Dbench.interval=" + intervalNanos,
                "-Dbench.warmup=" + warmup, "-Dbench.loops=" + loops, "-Dbench.out=" + out), AgentHost.class.getName());
        child.run(dir.resolve(out.getFileName() + ".log"),
                Duration.ofNanos(intervalNanos * (warmup + loops) * 4).plusSeconds(60));
        return Result.read(out);
    }
}
