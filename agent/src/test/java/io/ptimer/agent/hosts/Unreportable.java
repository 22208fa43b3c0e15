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
     * Throws one error of each kind, a little over a second apart so that the rate-limited log shows each:
     * an {@link AssertionError} in loop 1, a {@link StackOverflowError} from real recursion in loop 12, an
     * {@link OutOfMemoryError} from filling the heap in loop 23 (of a 100 ms timer).
     */
    public int errorKinds(TimerContext ctx) {
        kinds++;
        if (kinds == 1) {
            throw new AssertionError("asserted on purpose");
        }
        if (kinds == 12) {
            return recurse(0);
        }
        if (kinds == 23) {
            List<long[]> hog = new ArrayList<>();
            for (;;) {
                hog.add(new long[1 << 20]);
            }
        }
        return 0;
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    public void kindsEnd(TimerContext ctx) {
        Events.emit("end", ctx, "loops=" + kinds);
    }
}
