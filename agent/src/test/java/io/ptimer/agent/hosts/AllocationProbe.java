package io.ptimer.agent.hosts;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loop routes in every form a route may take, which allocate nothing themselves: each measures what
 * its worker thread allocated over {@value #MEASURED} loops after {@value #WARM_UP} loops of warm-up,
 * and prints {@code ALLOC <thread> bytes=<n>}. {@link #allocating} keeps one small object per loop,
 * the positive control. As a host, it waits for {@code probe.reports} reports, then returns.
 */
public final class AllocationProbe {
    static final int WARM_UP = 5_000;
    static final int MEASURED = 10_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Per worker thread: loops so far, and allocated bytes when the measurement began. */
    private static final ThreadLocal<long[]> STATE = ThreadLocal.withInitial(() -> new long[2]);
    private static final AtomicInteger REPORTS = new AtomicInteger();
    /** Where {@link #allocating} keeps its object, so that escape analysis cannot remove the allocation. */
    public static volatile Object sink;

    private AllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        int expected = Integer.getInteger("probe.reports");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (REPORTS.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Events.say("MAIN done");
    }

    /** Counts one loop; false once the measurement is reported, which the routes turn into a jump to end. */
    static boolean step() {
        long[] s = STATE.get();
        long n = ++s[0];
        if (n == WARM_UP - 1) {
            THREADS.getCurrentThreadAllocatedBytes();
        } else if (n == WARM_UP) {
            s[1] = THREADS.getCurrentThreadAllocatedBytes();
        } else if (n == WARM_UP + MEASURED) {
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - s[1];
            Events.say("ALLOC " + Thread.currentThread().getName() + " bytes=" + bytes);
            REPORTS.incrementAndGet();
        }
        return n < WARM_UP + MEASURED;
    }

    private static int code(boolean goOn) {
        return goOn ? Route.CONTINUE : Route.END;
    }

    public static void staticVoid() {
        step();
    }

    public static int staticInt() {
        return code(step());
    }

    public static boolean staticBoolean() {
        return step();
    }

    public static void staticVoidCtx(TimerContext ctx) {
        step();
    }

    public static int staticIntCtx(TimerContext ctx) {
        return code(step());
    }

    public static boolean staticBooleanCtx(TimerContext ctx) {
        return step();
    }

    /** The positive control: one small object per loop. */
    public static int allocating(TimerContext ctx) {
        sink = new Object();
        return code(step());
    }

    /** Instance forms: one instance per worker. */
    public static class Instance {
        public void instanceVoid() {
            step();
        }

        public int instanceInt() {
            return code(step());
        }

        public boolean instanceBoolean() {
            return step();
        }

        public void instanceVoidCtx(TimerContext ctx) {
            step();
        }

        public int instanceIntCtx(TimerContext ctx) {
            return code(step());
        }

        public boolean instanceBooleanCtx(TimerContext ctx) {
            return step();
        }
    }

    /** A route class. */
    public static class Run implements Route {
        @Override
        public int run(TimerContext ctx) {
            return code(step());
        }
    }
}
