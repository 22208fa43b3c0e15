package io.ptimer.samples.shaping;

import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.CallSource;
import io.ptimer.samples.calls.RunClock;
import io.ptimer.samples.calls.Traffic;
import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.calls.WindowGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-customer traffic shaping (Kamailio ptimer module documentation, section 6.1.2): three
 * customers sold 8, 20 and 50 calls a second,
 * each with a queue and a timer of its own ({@link CustomerQueue}). Customers 0 and 1 call steadily
 * below their limits; customer 2 sends 250 calls within one second, every ten seconds. Each
 * customer is held to its own limit, and customer 2's burst does not slow the others down.
 *
 * <p>Run with {@code -javaagent:agent/target/ptimer-agent.jar=config=samples/config/per-customer-shaping.cfg};
 * option {@code --seconds N} (default 10).
 */
public final class CustomerShaping {
    static final String CARRIER = "sip:carrier.example.net:5060";

    private CustomerShaping() {
    }

    private record Customer(String name, int limit, Traffic traffic, boolean bursts) {
    }

    public static void main(String[] args) throws InterruptedException {
        int seconds = RunClock.option(args, "seconds", 10);
        List<Customer> customers = List.of(
                new Customer("customer_0", 8, Traffic.steady(6), false),
                new Customer("customer_1", 20, Traffic.steady(15), false),
                new Customer("customer_2", 50, Traffic.burst(1, 250, 1, 10), true));
        List<ShapedStream> streams = new ArrayList<>();
        for (Customer c : customers) {
            CallQueue queue = CallQueue.named(c.name());
            streams.add(new ShapedStream(c.name(), queue, Upstream.named(c.name()), new CallSource(c.name(), queue, c.traffic()),
                    c.limit(), (c.limit() + 9) / 10, c.bursts()));
        }

        System.out.println("per-customer traffic shaping: one synced slice timer per customer, ntasks = its limit");
        StringBuilder head = new StringBuilder(String.format("%4s", "s"));
        for (Customer c : customers) {
            head.append(String.format(" | %-27s", c.name() + " (" + c.limit() + " CPS)"));
        }
        System.out.println(head);
        StringBuilder sub = new StringBuilder("    ");
        customers.forEach(c -> sub.append(String.format(" | %6s %6s %6s %6s", "offer", "queue", "relay", "100ms")));
        System.out.println(sub);
        RunClock clock = new RunClock();
        streams.forEach(s -> s.callers().start(clock.startNanos(), seconds));
        for (int s = 1; s <= seconds; s++) {
            clock.awaitSecond(s);
            StringBuilder line = new StringBuilder(String.format("%4d", s));
            for (ShapedStream stream : streams) {
                ShapedStream.Row r = stream.row();
                line.append(String.format(" | %6d %6d %6d %6d", r.offered(), r.queued(), r.relayed(), r.most100ms()));
            }
            System.out.println(line);
        }
        boolean ok = true;
        System.out.println();
        for (int i = 0; i < streams.size(); i++) {
            ShapedStream stream = streams.get(i);
            stream.callers().stop();
            stream.row();
            List<ShapedStream.Check> checks = new ArrayList<>(stream.outcome());
            if (!customers.get(i).bursts()) {
                checks.add(new ShapedStream.Check("calls that waited over 1 s", stream.waitedOverOneSecond()
                        + String.format(Locale.ROOT, " (max %.0f ms)", stream.longestWaitMillis()), "0: not slowed by the burst",
                        stream.waitedOverOneSecond() == 0));
            }
            System.out.println("outcome of " + stream.name() + " (limit " + customers.get(i).limit() + " CPS):");
            checks.forEach(System.out::println);
            ok &= checks.stream().allMatch(ShapedStream.Check::ok);
        }
        System.out.printf("  window guard: %d relays waited for their window, the longest %d us%n",
                WindowGuard.held(), WindowGuard.longestWaitMicros());
        streams.forEach(s -> System.out.println(s.figures()));
        System.out.println(ok ? "all checks passed" : "SOME CHECKS FAILED");
        System.out.flush();
        if (!ok) {
            System.exit(1);
        }
    }
}
