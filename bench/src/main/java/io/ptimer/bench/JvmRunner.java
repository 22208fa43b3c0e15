package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runner in its own child JVM: the agent's sync timer (through the agent jar and a configuration
 * file, as users run it) or a host application scheduling with the JDK or Netty.
 */
final class JvmRunner implements Runner {
    private static final String ROUTE = "io.ptimer.bench.AgentTick";
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String name;
    private final Path agentJar;
    private final String precision;
    private final Class<?> host;

    private JvmRunner(String name, Path agentJar, String precision, Class<?> host) {
        this.name = name;
        this.agentJar = agentJar;
        this.precision = precision;
        this.host = host;
    }

    /** The agent's sync timer; {@code precision} null leaves the attribute out (the default). */
    static JvmRunner agent(String name, Path agentJar, String precision) {
        return new JvmRunner(name, agentJar, precision, AgentHost.class);
    }

    static JvmRunner host(String name, Class<?> host) {
        return new JvmRunner(name, null, null, host);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Result run(long intervalNanos, int warmup, int loops, Path dir) throws IOException, InterruptedException {
        int run = RUNS.incrementAndGet();
        Path out = dir.resolve(name + "-" + run + ".result");
        List<String> properties = List.of("-Dbench.interval=" + intervalNanos, "-Dbench.warmup=" + warmup,
                "-Dbench.loops=" + loops, "-Dbench.out=" + out);
        BenchJvm child;
        if (agentJar != null) {
            Path config = dir.resolve(name + "-" + run + ".cfg");
            Files.writeString(config, config(intervalNanos));
            child = BenchJvm.withAgent(agentJar, config, properties, host.getName());
        } else {
            child = BenchJvm.plain(properties, host.getName());
        }
        Duration timeout = Duration.ofNanos(intervalNanos * (warmup + loops) * 4).plusSeconds(60);
        child.run(dir.resolve(name + "-" + run + ".log"), timeout);
        return Result.read(out);
    }

    private String config(long intervalNanos) {
        String attributes = "name=bench;type=1;interval=" + TimeUnit.NANOSECONDS.toMicros(intervalNanos) + "us"
                + (precision == null ? "" : ";precision=" + precision);
        return "# lateness run of the benchmark: one sync timer\n"
                + "modparam(\"ptimer\", \"timer\", \"" + attributes + "\")\n"
                + "modparam(\"ptimer\", \"start\", \"timer=bench;route=" + ROUTE + "::start\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=bench;route=" + ROUTE + "::loop\")\n"
                + "modparam(\"ptimer\", \"end\", \"timer=bench;route=" + ROUTE + "::end\")\n";
    }
}
