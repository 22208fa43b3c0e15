package io.ptimer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part {@code customers}: per-customer shaping, a one-worker sync-slice timer per customer at
 * 100 ms, for each count of {@code --customers}: the agent with every worker on a thread of its own
 * ({@code thread=own}, skipped above 1,000 timers), on the shared lanes ({@code thread=shared}),
 * {@code ScheduledThreadPoolExecutor(1)} and Netty's {@code HashedWheelTimer} with a 1 ms tick, each
 * in a JVM of its own (see {@link ManyTimers}); then the shared lanes with one more timer whose loop
 * route sleeps 50 ms every tenth loop. Lateness comes from stamps taken in the routes, each timer
 * against its own grid.
 */
final class Customers {
    static final long INTERVAL_MILLIS = 100;
    /** The most timers the part gives a thread each. */
    private static final int MAX_OWN = 1_000;

    private Customers() {
    }

    static void report(Path agent, Options options, Path out, Report report) throws IOException, InterruptedException {
        int seconds = options.smoke ? 1 : (int) Math.max(5, Math.round(options.seconds));
        int warmup = options.smoke ? 2 : ManyTimers.WARMUP_SECONDS;
        Path log = out.resolve("customers.log");
        List<List<String>> rows = new ArrayList<>();
        for (int n : options.customers) {
            for (String kind : List.of("shared", "own", "stpe", "hwt")) {
                if (kind.equals("own") && n > MAX_OWN) {
                    rows.add(List.of(name(kind), count(n), "skipped: a thread per timer above " + count(MAX_OWN)
                            + " costs more than a core", "", "", "", "", ""));
                    continue;
                }
                System.err.printf(Locale.ROOT, "bench: customers, %s: %,d timers%n", name(kind), n);
                rows.add(row(kind, n, ManyTimers.measure(agent, kind, n, INTERVAL_MILLIS, false, seconds, warmup, log)));
            }
            System.err.printf(Locale.ROOT, "bench: customers, %s with one sleeping: %,d timers%n", name("shared"), n);
            rows.add(row("shared+sleeper", n, ManyTimers.measure(agent, "shared", n, INTERVAL_MILLIS, true, seconds, warmup, log)));
        }
        report.table(String.format(Locale.ROOT, "Per-customer shaping: N one-worker timers at %d ms (%d s recorded"
                        + " after %d s; stamps in the routes, each timer against its own grid)", INTERVAL_MILLIS, seconds, warmup),
                List.of("runner", "timers", "p50 µs", "p99 µs", "max µs", "CPU % of a core", "threads",
                        "heap bytes per timer"), rows);
    }

    private static List<String> row(String kind, int n, ManyTimers.Figures f) {
        return List.of(name(kind), count(n), count(f.p50Micros()), count(f.p99Micros()), count(f.maxMicros()),
                Report.number(f.cpuPercent()), count(f.threads()), count(f.heapPerTimer()));
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
