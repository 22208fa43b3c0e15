package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The part {@code customers}: per-customer shaping, a one-worker sync-slice timer per customer at
 * 100 ms, for each count of {@code --customers}: the agent with every worker on a thread of its own
 * ({@code thread=own}, skipped above 1,000 timers), on the shared lanes ({@code thread=shared}),
 * {@code ScheduledThreadPoolExecutor(1)} and Netty's {@code HashedWheelTimer} with a 1 ms tick, each
 * in a JVM of its own (see {@link ManyTimers}); then the shared lanes with one more timer whose loop
 * route sleeps 50 ms every tenth loop. Lateness comes from stamps taken in the routes, each timer
 * against its own grid. With {@code --rounds} above one every runner runs once a round, in an order
 * rotated each round, and the table gives the median of the rounds beside each round's p99: one
 * run of each on a shared machine says more about the minute it ran in than about the runner.
 */
final class Customers {
    static final long INTERVAL_MILLIS = 100;
    /** The most timers the part gives a thread each. */
    private static final int MAX_OWN = 1_000;
    /** The runners, in the table's order; {@code shared+sleeper} is {@code shared} with one more timer that sleeps. */
    private static final List<String> KINDS = List.of("shared", "own", "stpe", "hwt", "shared+sleeper");

    private Customers() {
    }

    static void report(Path agent, Options options, Path out, Report report) throws IOException, InterruptedException {
        int seconds = options.smoke ? 1 : (int) Math.max(5, Math.round(options.seconds));
        int warmup = options.smoke ? 2 : ManyTimers.WARMUP_SECONDS;
        int rounds = options.rounds;
        Path log = out.resolve("customers.log");
        List<List<String>> rows = new ArrayList<>();
        for (int n : options.customers) {
            List<String> kinds = new ArrayList<>(KINDS);
            if (n > MAX_OWN) {
                kinds.remove("own");
            }
            Map<String, List<ManyTimers.Figures>> figures = new LinkedHashMap<>();
            Map<String, Long> baselines = new HashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < kinds.size(); i++) {
                    String kind = kinds.get((i + round) % kinds.size());
                    System.err.printf(Locale.ROOT, "bench: customers, round %d of %d, %s: %,d timers%n", round + 1, rounds,
                            name(kind), n);
                    boolean sleeper = kind.equals("shared+sleeper");
                    String runner = sleeper ? "shared" : kind;
                    Long baseline = baselines.get(runner);
                    if (baseline == null) {
                        baseline = ManyTimers.baselineHeap(agent, runner, INTERVAL_MILLIS, seconds, warmup, log);
                        baselines.put(runner, baseline);
                    }
                    figures.computeIfAbsent(kind, k -> new ArrayList<>()).add(ManyTimers.measure(agent, runner, n,
                            INTERVAL_MILLIS, sleeper, seconds, warmup, baseline, log));
                }
            }
            for (String kind : KINDS) {
                if (figures.containsKey(kind)) {
                    rows.add(row(kind, n, figures.get(kind)));
                } else {
                    rows.add(List.of(name(kind), count(n), "skipped: a thread per timer above " + count(MAX_OWN)
                            + " costs more than a core", "", "", "", "", "", ""));
                }
            }
        }
        report.table(String.format(Locale.ROOT, "Per-customer shaping: N one-worker timers at %d ms (%d round%s of %d s"
                        + " recorded after %d s, the runners' order rotated each round; stamps in the routes, each timer"
                        + " against its own grid; figures are the median of the rounds)", INTERVAL_MILLIS, rounds,
                        rounds == 1 ? "" : "s", seconds, warmup),
                List.of("runner", "timers", "p50 µs", "p99 µs", "max µs", "p99 of each round µs", "CPU % of a core",
                        "threads", "heap bytes per timer"), rows);
    }

    private static List<String> row(String kind, int n, List<ManyTimers.Figures> rounds) {
        List<String> eachP99 = new ArrayList<>();
        for (ManyTimers.Figures f : rounds) {
            eachP99.add(count(f.p99Micros()));
        }
        return List.of(name(kind), count(n), count(median(rounds, ManyTimers.Figures::p50Micros)),
                count(median(rounds, ManyTimers.Figures::p99Micros)), count(median(rounds, ManyTimers.Figures::maxMicros)),
                String.join(" / ", eachP99), Report.number(median(rounds, f -> Math.round(f.cpuPercent() * 10)) / 10.0),
                count(median(rounds, f -> f.threads())), count(median(rounds, ManyTimers.Figures::heapPerTimer)));
    }

    /** The median of one figure over the rounds (the upper one of an even number). */
    private static long median(List<ManyTimers.Figures> rounds, ToLongFunction<ManyTimers.Figures> figure) {
        long[] values = rounds.stream().mapToLong(figure).sorted().toArray();
        return values[values.length / 2];
    }

    private static String name(String kind) {
        return switch (kind) {
            case "shared" -> "ptimer thread=shared";
            case "shared+sleeper" -> "ptimer thread=shared, one more sleeping 50 ms every tenth loop";
            case "own" -> "ptimer thread=own";
            case "stpe" -> "ScheduledThreadPoolExecutor(1)";
            case "hwt" -> "HashedWheelTimer, 1 ms tick";
            default -> kind;
        };
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
