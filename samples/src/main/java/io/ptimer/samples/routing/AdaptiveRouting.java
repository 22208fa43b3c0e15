package io.ptimer.samples.routing;

import io.ptimer.samples.calls.RunClock;
import java.util.List;
import java.util.Locale;

/**
 * Adaptive routing (Kamailio ptimer module documentation, section 6.2): three destination sets,
 * their MOS / CCR / NER figures in
 * {@code dst_kpi}, and {@code route_optimizer}, a basic timer whose worker N checks set N every
 * 500 ms ({@link RouteOptimizer}). Calls go round-robin to the active destinations of set 1. Two
 * seconds in, one destination's MOS drops below the promised minimum; at 4.5 s it recovers. The
 * run shows, from the dispatcher's own log, how soon the destination was taken out and put back,
 * and where the calls went meanwhile. Exits 1 if a check failed.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar=config=samples/config/adaptive-routing.cfg};
 * option {@code --seconds N} (default 7, at least 6).
 */
public final class AdaptiveRouting {
    static final int SET = 1;
    static final String DEGRADED = "sip:gw1b.example.net:5060";
    static final double DEGRADE_AT = 2.0;
    static final double RESTORE_AT = 4.5;
    /** A call being routed while its destination is marked may still go there; 20 ms later none may. */
    static final long SETTLE = 20_000_000L;

    private AdaptiveRouting() {
    }

    public static void main(String[] args) throws InterruptedException {
        int seconds = Math.max(6, RunClock.option(args, "seconds", 7));
        Dispatcher dispatcher = Dispatcher.get();
        KpiTable kpi = KpiTable.named("dst_kpi");
        String mosKey = KpiTable.key(SET, DEGRADED, "mos");
        double healthyMos = kpi.get(mosKey, 0);
        double minMos = KpiTable.named("min_kpi").get("mos", 0);
        List<String> uris = dispatcher.uris(SET);

        System.out.printf("adaptive routing: route_optimizer type=0 interval=500ms nworkers=3; 50 calls/s to set %d%n", SET);
        StringBuilder head = new StringBuilder(String.format("%6s", "s"));
        uris.forEach(u -> head.append(String.format(" %14s", u.substring(4, u.indexOf('.')))));
        System.out.println(head + "   calls per destination in that second; * = inactive");
        CallRouter calls = new CallRouter(SET, 50);
        RunClock clock = new RunClock();
        calls.start();
        long degradedAt = 0;
        long restoredAt = 0;
        int shown = 0;
        for (int tenth = 1; tenth <= seconds * 10; tenth++) {
            clock.awaitSecond(tenth / 10.0);
            if (tenth == (int) (DEGRADE_AT * 10)) {
                kpi.put(mosKey, 2.9);
                degradedAt = System.nanoTime();
                System.out.printf(Locale.ROOT, "%6.1f  %s mos %.1f -> 2.9 (promised at least %.1f)%n", clock.seconds(), DEGRADED, healthyMos, minMos);
            } else if (tenth == (int) (RESTORE_AT * 10)) {
                kpi.put(mosKey, healthyMos);
                restoredAt = System.nanoTime();
                System.out.printf(Locale.ROOT, "%6.1f  %s mos 2.9 -> %.1f%n", clock.seconds(), DEGRADED, healthyMos);
            }
            for (List<Dispatcher.StateChange> changes = dispatcher.changes(); shown < changes.size(); shown++) {
                Dispatcher.StateChange c = changes.get(shown);
                System.out.printf(Locale.ROOT, "%6.2f  route_optimizer marked %s %s%n", (c.nanos() - clock.startNanos()) / 1e9,
                        c.uri(), c.active() ? "active" : "inactive");
            }
            if (tenth % 10 == 0) {
                long from = clock.startNanos() + (tenth - 10) * 100_000_000L;
                long to = from + 1_000_000_000L;
                StringBuilder row = new StringBuilder(String.format("%6d", tenth / 10));
                for (String u : uris) {
                    long n = calls.log().stream().filter(r -> r.nanos() >= from && r.nanos() < to && u.equals(r.uri())).count();
                    row.append(String.format(" %13d%s", n, dispatcher.active(SET, u) ? " " : "*"));
                }
                System.out.println(row);
            }
        }
        calls.stop();
        Outcome outcome = Outcome.of(dispatcher.changes(), calls.log(), degradedAt, restoredAt, System.nanoTime());
        System.out.println();
        System.out.println("outcome:");
        outcome.print();
        System.out.println(outcome.figures());
        System.out.println(outcome.ok() ? "all checks passed" : "SOME CHECKS FAILED");
        System.out.flush();
        if (!outcome.ok()) {
            System.exit(1);
        }
    }

    /** What the dispatcher's log and the calls' log say happened after the degrade and the restore. */
    record Outcome(double inactiveAfterMs, double activeAfterMs, long callsWhileOut, long callsAfterBack,
            long otherChanges, long unrouted) {

        static Outcome of(List<Dispatcher.StateChange> changes, List<CallRouter.Routed> calls, long degraded,
                long restored, long end) {
            long second = 1_000_000_000L;
            double out = changes.stream().filter(c -> c.uri().equals(DEGRADED) && !c.active() && c.nanos() >= degraded)
                    .mapToDouble(c -> (c.nanos() - degraded) / 1e6).min().orElse(Double.NaN);
            double back = changes.stream().filter(c -> c.uri().equals(DEGRADED) && c.active() && c.nanos() >= restored)
                    .mapToDouble(c -> (c.nanos() - restored) / 1e6).min().orElse(Double.NaN);
            long markedOut = degraded + (long) ((Double.isNaN(out) ? 1000 : out) * 1e6);
            long whileOut = calls.stream().filter(r -> DEGRADED.equals(r.uri()) && r.nanos() >= markedOut + SETTLE
                    && r.nanos() < restored).count();
            long afterBack = calls.stream().filter(r -> DEGRADED.equals(r.uri()) && r.nanos() >= restored + second
                    && r.nanos() < end).count();
            long others = changes.stream().filter(c -> !c.uri().equals(DEGRADED)).count();
            long unrouted = calls.stream().filter(r -> r.uri() == null).count();
            return new Outcome(out, back, whileOut, afterBack, others, unrouted);
        }

        boolean ok() {
            return inactiveAfterMs <= 1000 && activeAfterMs <= 1000 && callsWhileOut == 0 && callsAfterBack > 0
                    && otherChanges == 0 && unrouted == 0;
        }

        void print() {
            line("marked inactive after the degrade", ms(inactiveAfterMs), "<= 1000 ms", inactiveAfterMs <= 1000);
            line("calls to it while marked inactive", String.valueOf(callsWhileOut), "0", callsWhileOut == 0);
            line("marked active after the restore", ms(activeAfterMs), "<= 1000 ms", activeAfterMs <= 1000);
            line("calls to it from 1 s after the restore", String.valueOf(callsAfterBack), "> 0", callsAfterBack > 0);
            line("other destinations changed / calls unrouted", otherChanges + " / " + unrouted, "0 / 0",
                    otherChanges == 0 && unrouted == 0);
        }

        String figures() {
            return String.format(Locale.ROOT,
                    "figures inactive_after_ms=%.0f active_after_ms=%.0f calls_while_out=%d calls_after_back=%d other_changes=%d unrouted=%d",
                    inactiveAfterMs, activeAfterMs, callsWhileOut, callsAfterBack, otherChanges, unrouted);
        }

        private static String ms(double v) {
            return Double.isNaN(v) ? "never" : String.format(Locale.ROOT, "%.0f ms", v);
        }

        private static void line(String label, String value, String bound, boolean ok) {
            System.out.printf("  %-44s %10s  %-12s %s%n", label, value, bound, ok ? "ok" : "FAILED");
        }
    }
}
