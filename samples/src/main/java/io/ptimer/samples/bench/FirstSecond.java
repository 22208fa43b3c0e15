package io.ptimer.samples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The part {@code firstsecond}: whether the agent's one-off work after start-up (starting its timers,
 * generating their calling code, looking for the platform MBean server) disturbs a timer that is
 * already running. A child JVM with the agent and one 1 ms sync timer records when each loop starts
 * and ends ({@link FirstSecondHost}); each loop's lateness, against the engine's grid as
 * {@link Lateness#replay} places it, is summed up over the first 3 s after the first loop and over
 * the rest of the recording, once per round.
 */
final class FirstSecond {
    static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long FIRST = TimeUnit.SECONDS.toNanos(3);

    /**
     * One round: the lateness of the loops of the first 3 s and of the later ones, and when the
     * latest loop of the first 3 s began, in ns after the first loop.
     */
    record Round(Histogram first, Histogram steady, long worstAt) {
        /** The first 3 s' p99 over the later loops' p99. */
        double ratio() {
            return (double) first.getValueAtPercentile(99) / Math.max(1, steady.getValueAtPercentile(99));
        }
    }

    private FirstSecond() {
    }

    /** Runs the part once per round and adds its table to the report and its goal to the targets. */
    static void report(Path agent, Options options, Path out, Report report, Targets targets)
            throws IOException, InterruptedException {
        Path config = out.resolve("firstsecond.cfg");
        Files.writeString(config, "# firstsecond part of the benchmark: one sync timer whose loop stores its start\n"
                + "modparam(\"ptimer\", \"timer\", \"name=first;type=1;interval=1ms\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=first;route=" + FirstSecondHost.class.getName() + "::loop\")\n");
        List<Round> rounds = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int round = 1; round <= options.rounds; round++) {
            System.err.printf(Locale.ROOT, "bench: first seconds, round %d of %d: %d s%n", round, options.rounds,
                    options.firstSeconds);
            Round r = run(agent, config, options.firstSeconds, out.resolve("firstsecond-" + round));
            rounds.add(r);
            rows.add(row("round " + round, r));
        }
        report.table(String.format(Locale.ROOT, "Quiet first second: lateness of a 1 ms sync timer in the first 3 s"
                        + " after its first loop and from 3 s to %d s (%d round%s; max at: seconds after the first loop)",
                options.firstSeconds, options.rounds, options.rounds == 1 ? "" : "s"),
                List.of("round", "first 3 s: loops", "p50 µs", "p99 µs", "max µs", "max at s",
                        "3 s to " + options.firstSeconds + " s: loops", "p50 µs", "p99 µs", "max µs",
                        "p99 first 3 s / p99 after"), rows);
        Round worst = rounds.stream().max(Comparator.comparingDouble(Round::ratio)).orElseThrow();
        targets.add("first 3 s: p99 within 2× of steady state", String.format(Locale.ROOT,
                "%s µs vs %s µs after (%s×), the worst of %d round%s", Report.micros(worst.first().getValueAtPercentile(99)),
                Report.micros(worst.steady().getValueAtPercentile(99)), Report.number(worst.ratio()), rounds.size(),
                rounds.size() == 1 ? "" : "s"), worst.ratio() <= 2);
    }

    private static List<String> row(String name, Round r) {
        return List.of(name, String.format(Locale.ROOT, "%,d", r.first().getTotalCount()),
                Report.micros(r.first().getValueAtPercentile(50)), Report.micros(r.first().getValueAtPercentile(99)),
                Report.micros(r.first().getMaxValue()), Report.number(r.worstAt() / 1e9),
                String.format(Locale.ROOT, "%,d", r.steady().getTotalCount()),
                Report.micros(r.steady().getValueAtPercentile(50)), Report.micros(r.steady().getValueAtPercentile(99)),
                Report.micros(r.steady().getMaxValue()), Report.number(r.ratio()));
    }

    private static Round run(Path agent, Path config, int seconds, Path files) throws IOException, InterruptedException {
        Path stamps = files.resolveSibling(files.getFileName() + ".stamps");
        Path log = files.resolveSibling(files.getFileName() + ".log");
        BenchJvm.withAgent(agent, config, List.of("-Dbench.seconds=" + seconds, "-Dbench.out=" + stamps),
                FirstSecondHost.class.getName()).run(log, Duration.ofSeconds(seconds + 60L));
        List<String> lines = Files.readAllLines(stamps);
        if (lines.isEmpty()) {
            throw new IOException("the timer recorded no loop: " + BenchJvm.tail(log));
        }
        long[] starts = new long[lines.size()];
        long[] ends = new long[lines.size()];
        for (int i = 0; i < starts.length; i++) {
            String[] startEnd = lines.get(i).split(" ");
            starts[i] = Long.parseLong(startEnd[0]);
            ends[i] = Long.parseLong(startEnd[1]);
        }
        return lateness(starts, ends);
    }

    /** The lateness of the loops that began at {@code starts} and ended at {@code ends}, split 3 s after the first. */
    static Round lateness(long[] starts, long[] ends) {
        Lateness replay = Lateness.replay(INTERVAL, starts, ends);
        Histogram first = Result.empty().histogram();
        Histogram steady = Result.empty().histogram();
        long worst = -1;
        long worstAt = 0;
        for (int i = 0; i < starts.length; i++) {
            long late = replay.placed(i);
            long at = starts[i] - starts[0];
            if (at < FIRST) {
                first.recordValue(late);
                if (late > worst) {
                    worst = late;
                    worstAt = at;
                }
            } else {
                steady.recordValue(late);
            }
        }
        return new Round(first, steady, worstAt);
    }
}
