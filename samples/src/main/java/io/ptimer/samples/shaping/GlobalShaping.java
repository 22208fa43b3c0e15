package io.ptimer.samples.shaping;

import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.CallSource;
import io.ptimer.samples.calls.RunClock;
import io.ptimer.samples.calls.Traffic;
import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.calls.WindowGuard;
import java.util.List;

/**
 * Global traffic shaping (Kamailio ptimer module documentation, section 6.1.1): callers offer
 * bursts (5,000 calls within one second, and
 * 1,500 within 100 ms six seconds later, every ten seconds), the calls wait in {@code call_queue},
 * and the routes of {@code queue_timer} ({@link QueueTimer}) relay them to the carrier at 1,000 calls
 * a second. Prints one row a second and, at the end, the outcome; exits 1 if a check failed.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar=config=samples/config/global-shaping.cfg};
 * options {@code --seconds N} (default 10) and {@code --burst N} (default 5000).
 */
public final class GlobalShaping {
    /** Where the calls are relayed. */
    public static final String CARRIER = "sip:carrier.example.net:5060";
    /** The carrier's limit: calls in any sliding second. */
    static final int LIMIT = 1000;
    /** At most per 100 ms: 8 workers each relaying its largest slice, ⌈1000 / 80⌉ = 13. */
    static final int LIMIT_PER_100MS = 8 * 13;

    private GlobalShaping() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (!run(RunClock.option(args, "seconds", 10), RunClock.option(args, "burst", 5000))) {
            System.exit(1);
        }
    }

    /**
     * Offers the bursts to {@code call_queue} for {@code seconds}, printing one row a second and
     * then the outcome.
     *
     * @return whether every check passed
     */
    public static boolean run(int seconds, int burst) throws InterruptedException {
        CallQueue queue = CallQueue.named("call_queue");
        Traffic traffic = Traffic.burst(0, burst, 1, 10).plus(Traffic.burst(6, 1500, 0.1, 10));
        ShapedStream stream = new ShapedStream("call_queue", queue, Upstream.named("carrier"),
                new CallSource("global", queue, traffic), LIMIT, LIMIT_PER_100MS, true);

        System.out.printf("global traffic shaping: limit %d calls/s, queue_timer type=3 interval=100ms nworkers=8 ntasks=1000 nslices=80%n", LIMIT);
        System.out.printf("%4s %8s %8s %8s %16s%n", "s", "offered", "queued", "relayed", "most in 100 ms");
        RunClock clock = new RunClock();
        stream.callers().start(clock.startNanos(), seconds);
        for (int s = 1; s <= seconds; s++) {
            clock.awaitSecond(s);
            ShapedStream.Row row = stream.row();
            System.out.printf("%4d %8d %8d %8d %16d%n", s, row.offered(), row.queued(), row.relayed(), row.most100ms());
            if (s == 2 && Upstream.named("carrier").relayed() == 0) {
                System.out.println("nothing is relayed: start the JVM with -javaagent:agent/target/ptimer-agent.jar=config=samples/config/global-shaping.cfg");
            }
        }
        stream.callers().stop();
        stream.row();
        List<ShapedStream.Check> checks = stream.outcome();
        System.out.println();
        System.out.println("outcome:");
        checks.forEach(System.out::println);
        System.out.printf("  window guard: %d relays waited for their window, the longest %d us%n",
                WindowGuard.held(), WindowGuard.longestWaitMicros());
        System.out.println(stream.figures());
        boolean ok = checks.stream().allMatch(ShapedStream.Check::ok);
        System.out.println(ok ? "all checks passed" : "SOME CHECKS FAILED");
        System.out.flush();
        return ok;
    }
}
