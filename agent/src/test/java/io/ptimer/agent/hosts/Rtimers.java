package io.ptimer.agent.hosts;

import io.ptimer.api.RtimerContext;

/**
 * rtimer exec routes that print {@code RT <route> <timer> <worker> <ms since start> <thread> [details]}
 * for the ITs to read.
 */
public final class Rtimers {
    private static final long T0 = System.nanoTime();
    private int count;

    private static void say(String route, String timer, int worker, Object... details) {
        StringBuilder line = new StringBuilder("RT ").append(route).append(' ').append(timer).append(' ').append(worker)
                .append(' ').append(String.format("%.3f", (System.nanoTime() - T0) / 1e6)).append(' ')
                .append(Thread.currentThread().getName());
        for (Object d : details) {
            line.append(' ').append(d);
        }
        Events.say(line.toString());
    }

    public static void first(RtimerContext ctx) {
        say("first", ctx.name(), ctx.worker(), "mode=" + ctx.mode(), "interval=" + ctx.interval().toMillis() + "ms",
                "ticks=" + ctx.ticks());
    }

    public static String second() {
        say("second", "-", -1);
        return "ignored";
    }

    public static void boom(RtimerContext ctx) {
        say("boom", ctx.name(), ctx.worker());
        throw new IllegalStateException("boom in " + ctx.name());
    }

    /** An instance route: one instance per thread, so each thread counts on its own. */
    public long counted(RtimerContext ctx) {
        count++;
        say("counted", ctx.name(), ctx.worker(), "count=" + count);
        return count;
    }

    /** Runs {@code rtimer.slow.ms} and says when it ended. */
    public static void slow(RtimerContext ctx) throws InterruptedException {
        say("slow-start", ctx.name(), ctx.worker());
        Thread.sleep(Long.getLong("rtimer.slow.ms", 60));
        say("slow-end", ctx.name(), ctx.worker());
    }
}
