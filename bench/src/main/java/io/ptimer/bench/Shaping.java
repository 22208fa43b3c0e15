package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shaping accuracy: each shaper relays the same burst in its own JVM; from the relay times come the
 * most calls in any 100 ms and any 1 s window, and the throughput while the queue was backlogged.
 */
final class Shaping {
    static final List<String> SHAPERS = List.of("ptimer", "guava", "bucket4j");

    /** What one shaper did with the burst. */
    record Outcome(String shaper, int calls, int most100ms, int most1s, double drainSeconds) {
        /** Calls per second from the burst until the queue was empty. */
        double backloggedRate() {
            return calls / drainSeconds;
        }
    }

    private Shaping() {
    }

    static Outcome run(String shaper, Path agentJar, int burst, int limit, long idleMillis, Path dir)
            throws IOException, InterruptedException {
        Path out = dir.resolve("shaping-" + shaper + ".out");
        List<String> properties = List.of("-Dbench.burst=" + burst, "-Dbench.limit=" + limit,
                "-Dbench.idle=" + idleMillis, "-Dbench.out=" + out);
        BenchJvm child;
        if (shaper.equals("ptimer")) {
            Path config = dir.resolve("shaping.cfg");
            String route = "io.ptimer.bench.ShapingRoute";
            Files.writeString(config, "# global traffic shaping of Kamailio's ptimer module documentation: 1,000 CPS\n"
                    + "modparam(\"ptimer\", \"timer\", \"name=queue_timer;type=3;interval=100ms;nworkers=8;ntasks="
                    + limit + ";nslices=80\")\n"
                    + "modparam(\"ptimer\", \"start\", \"timer=queue_timer;route=" + route + "::start\")\n"
                    + "modparam(\"ptimer\", \"loop\", \"timer=queue_timer;route=" + route + "::loop\")\n");
            child = BenchJvm.withAgent(agentJar, config, properties, ShapingHost.class.getName(), shaper);
        } else {
            child = BenchJvm.plain(properties, ShapingHost.class.getName(), shaper);
        }
        child.run(dir.resolve("shaping-" + shaper + ".log"), Duration.ofSeconds(60 + 3L * burst / limit));
        long[] relayed = Files.readAllLines(out).stream().mapToLong(Long::parseLong).toArray();
        return new Outcome(shaper, relayed.length, mostWithin(relayed, TimeUnit.MILLISECONDS.toNanos(100)),
                mostWithin(relayed, TimeUnit.SECONDS.toNanos(1)), relayed[relayed.length - 1] / 1e9);
    }

    /** The most of the sorted times that fit in any half-open window {@code [t, t + width)}. */
    static int mostWithin(long[] sorted, long width) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.length; last++) {
            while (sorted[last] - sorted[first] >= width) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
