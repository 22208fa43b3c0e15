package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The part {@code firstsecond}: whether the agent's one-off work after start-up (starting its timers,
 * generating their calling code, looking for the platform MBean server) disturbs a timer that is
 * already running. A child JVM with the agent and one 1 ms sync timer records when each loop starts
 * and ends ({@link FirstSecondHost}); each loop's lateness, against the engine's grid as
 * {@link Lateness#replay} places it, is summed up over the first 3 s after the first loop and over
 * the rest of the recording, once per round. Each round also measures the same host when it makes
 * the platform MBean server 1 s after the first loop, so that the agent registers its MBeans then,
 * and, as controls, both hosts without the agent, a plain thread of theirs calling the same route on
 * the same grid.
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

    /**
     * A JVM the part measures: with the agent or, as a control, without it and with a plain thread
     * calling the same route on the same grid; its host making the platform MBean server 1 s after
     * the first loop, or never.
     */
    enum Variant {
        AGENT("agent", true, false),
        CONTROL("no agent: a plain thread on the same grid", false, false),
        AGENT_SERVER("agent; the host makes the MBean server at 1 s", true, true),
        CONTROL_SERVER("no agent; the host makes the MBean server at 1 s", false, true);

        final String label;
        final boolean agent;
        final boolean server;

        Variant(String label, boolean agent, boolean server) {
            this.label = label;
            this.agent = agent;
            this.server = server;
        }
    }

    /**
     * Runs each variant once per round, in an order rotated from round to round, and adds the table
     * to the report and the goals to the targets. The goals take the rounds pooled: a single 3 s
     * stretch of a shared VM's wake-up tail moves several times over from one stretch to the next,
     * with or without an agent, as the control's single rounds show. A host that makes the MBean
     * server delays every thread of its JVM for a while, so there the agent's timer is held against
     * the same host without the agent.
     */
    static void report(Path agent, Options options, Path out, Report report, Targets targets)
            throws IOException, InterruptedException {
        Path config = out.resolve("firstsecond.cfg");
        Files.writeString(config, "# firstsecond part of the benchmark: one sync timer whose loop stores its start\n"
                + "modparam(\"ptimer\", \"timer\", \"name=first;type=1;interval=1ms\")\n"
                + "modparam(\"ptimer\", \"loop\", \"timer=first;route=" + FirstSecondHost.class.getName() + "::loop\")\n");
        Map<Variant, List<Round>> rounds = measure(agent, config, options, out);
        List<List<String>> rows = new ArrayList<>();
        rounds.forEach((v, rs) -> rows.add(row(v.label, pooled(rs), spread(rs))));
        report.table(String.format(Locale.ROOT, "Quiet first second: lateness of a 1 ms sync timer in the first 3 s"
                        + " after its first loop and from 3 s to %d s, %s pooled (max at: seconds after the"
                        + " first loop)",
                options.firstSeconds, rounds(options)),
                List.of("JVM", "first 3 s: loops", "p50 µs", "p99 µs", "max µs", "max at s",
                        "3 s to " + options.firstSeconds + " s: loops", "p50 µs", "p99 µs", "max µs",
                        "p99 first 3 s / p99 after", "single rounds"), rows);
        Round agentAlone = pooled(rounds.get(Variant.AGENT));
        targets.add("first 3 s: p99 within 2× of steady state", String.format(Locale.ROOT,
                "%s, %s pooled; without the agent %s×", ratio(agentAlone), rounds(options),
                Report.number(pooled(rounds.get(Variant.CONTROL)).ratio())), agentAlone.ratio() <= 2);
        Round registering = pooled(rounds.get(Variant.AGENT_SERVER));
        Round hostAlone = pooled(rounds.get(Variant.CONTROL_SERVER));
        targets.add("first 3 s, the host making the MBean server at 1 s: the agent's ratio within 2× of the host's"
                        + " without the agent", String.format(Locale.ROOT, "%s against %s, %s pooled",
                ratio(registering), ratio(hostAlone), rounds(options)),
                registering.ratio() <= 2 * hostAlone.ratio());
    }

    private static Map<Variant, List<Round>> measure(Path agent, Path config, Options options, Path out)
            throws IOException, InterruptedException {
        Variant[] variants = Variant.values();
        Map<Variant, List<Round>> rounds = new EnumMap<>(Variant.class);
        for (int round = 1; round <= options.rounds; round++) {
            for (int i = 0; i < variants.length; i++) {
                Variant v = variants[(i + round - 1) % variants.length];
                System.err.printf(Locale.ROOT, "bench: first seconds, round %d of %d: %s, %d s%n", round,
                        options.rounds, v.label, options.firstSeconds);
                Path files = out.resolve("firstsecond-" + v.name().toLowerCase(Locale.ROOT) + "-" + round);
                List<String> properties = List.of("-Dbench.seconds=" + options.firstSeconds,
                        "-Dbench.out=" + stamps(files), "-Dbench.control=" + !v.agent, "-Dbench.serverAt=" + v.server);
                BenchJvm jvm = v.agent
                        ? BenchJvm.withAgent(agent, config, properties, FirstSecondHost.class.getName())
                        : BenchJvm.plain(properties, FirstSecondHost.class.getName());
                rounds.computeIfAbsent(v, k -> new ArrayList<>()).add(run(jvm, options, files));
            }
        }
        return rounds;
    }

    /** "11.4 µs vs 10.0 µs after (1.13×)". */
    private static String ratio(Round r) {
        return String.format(Locale.ROOT, "%s µs vs %s µs after (%s×)",
                Report.micros(r.first().getValueAtPercentile(99)), Report.micros(r.steady().getValueAtPercentile(99)),
                Report.number(r.ratio()));
    }

    private static String rounds(Options options) {
        return options.rounds + (options.rounds == 1 ? " round" : " rounds");
    }

    /** The loops of all rounds as one round, whose latest loop of the first 3 s is the latest of any round. */
    static Round pooled(List<Round> rounds) {
        Histogram first = Result.empty().histogram();
        Histogram steady = Result.empty().histogram();
        Round worst = rounds.get(0);
        for (Round r : rounds) {
            first.add(r.first());
            steady.add(r.steady());
            if (r.first().getMaxValue() > worst.first().getMaxValue()) {
                worst = r;
            }
        }
        return new Round(first, steady, worst.worstAt());
    }

    /** The lowest and highest ratio of single rounds, "0.68× to 4.09×", or the one round's. */
    private static String spread(List<Round> rounds) {
        String low = Report.number(rounds.stream().mapToDouble(Round::ratio).min().orElseThrow());
        String high = Report.number(rounds.stream().mapToDouble(Round::ratio).max().orElseThrow());
        return rounds.size() == 1 ? low + "×" : low + "× to " + high + "×";
    }

    private static List<String> row(String name, Round r, String spread) {
        return List.of(name, String.format(Locale.ROOT, "%,d", r.first().getTotalCount()),
                Report.micros(r.first().getValueAtPercentile(50)), Report.micros(r.first().getValueAtPercentile(99)),
                Report.micros(r.first().getMaxValue()), Report.number(r.worstAt() / 1e9),
                String.format(Locale.ROOT, "%,d", r.steady().getTotalCount()),
                Report.micros(r.steady().getValueAtPercentile(50)), Report.micros(r.steady().getValueAtPercentile(99)),
                Report.micros(r.steady().getMaxValue()), Report.number(r.ratio()), spread);
    }

    private static Path stamps(Path files) {
        return files.resolveSibling(files.getFileName() + ".stamps");
    }

    private static Round run(BenchJvm jvm, Options options, Path files) throws IOException, InterruptedException {
        Path stamps = stamps(files);
        Path log = files.resolveSibling(files.getFileName() + ".log");
        jvm.run(log, Duration.ofSeconds(options.firstSeconds + 60L));
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
