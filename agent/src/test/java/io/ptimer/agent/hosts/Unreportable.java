package io.ptimer.agent.hosts;

import io.ptimer.api.AsyncContext;
import io.ptimer.api.RtimerContext;
import io.ptimer.api.TimerContext;
import io.ptimer.api.TkvEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routes of every timer system whose failures are hard to report: every fifth of their first
 * {@value #FAILING_CALLS} calls throws an exception whose {@code getMessage()} and {@code toString()}
 * throw too; later calls succeed. Each system's calls are counted in {@link #CALLS}.
 */
public class Unreportable {
    static final int FAILING_CALLS = 50;
    static final ConcurrentHashMap<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    /** An exception that cannot describe itself. */
    static final class Unprintable extends RuntimeException {
        Unprintable() {
            super(null, null, false, false);
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage throws");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString throws");
        }
    }

    private static void call(String system) {
        int n = CALLS.computeIfAbsent(system, s -> new AtomicInteger()).incrementAndGet();
        if (n <= FAILING_CALLS && n % 5 == 0) {
            throw new Unprintable();
        }
    }

    public static void loop(TimerContext ctx) {
        call("ptimer");
    }

    public static void end(TimerContext ctx) {
        Events.emit("end", ctx, "loops=" + CALLS.get("ptimer"));
    }

    public static void exec(RtimerContext ctx) {
        call("rtimer");
    }

    public static void task(AsyncContext ctx) {
        call("task");
    }

    public static void delayed() {
        call("delayed");
    }

    public static void event(TkvEvent event) {
        call("tkv");
    }

    static void core(long ticks, Object param) {
        call("core");
    }

    private int kinds;

    /**
     * Throws an {@link AssertionError} in loop 1, which the timer survives, and a
     * {@link StackOverflowError} from real recursion in loop 12, a little over a second later (of a
     * 100 ms timer) so that the rate-limited log shows both: a {@link VirtualMachineError} that ends
     * the worker.
     */
    public int errorKinds(TimerContext ctx) {
        kinds++;
        if (kinds == 1) {
            throw new AssertionError("asserted on purpose");
        }
        if (kinds == 12) {
            return recurse(0);
        }
        return 0;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** Fills the heap in its third loop: an {@link OutOfMemoryError}. */
    public void hog(TimerContext ctx) {
        if (CALLS.computeIfAbsent("hog", s -> new AtomicInteger()).incrementAndGet() == 3) {
            List<long[]> hog = new ArrayList<>();
            for (;;) {
                hog.add(new long[1 << 20]);
            }
        }
    }

    /** Recurses without end in its third run: a {@link StackOverflowError} that ends the rtimer. */
    public static void overflow(RtimerContext ctx) {
        if (CALLS.computeIfAbsent("overflow", s -> new AtomicInteger()).incrementAndGet() == 3) {
            recurse(0);
        }
    }

    /** Counts its loops and never fails. */
    public static void calm(TimerContext ctx) {
        CALLS.computeIfAbsent("calm", s -> new AtomicInteger()).incrementAndGet();
    }

    public void kindsEnd(TimerContext ctx) {
        Events.emit("end", ctx, "loops=" + kinds);
    }
}
