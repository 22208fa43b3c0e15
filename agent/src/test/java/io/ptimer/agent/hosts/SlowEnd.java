package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;

/**
 * End routes that take a while: {@code slow.<timer>} ms (default 3000; negative: never return).
 * Each prints {@code EV end <timer> <worker> <ms> begun} and, when it returns, {@code ... done}.
 */
public final class SlowEnd {
    private SlowEnd() {
    }

    public static void loop() {
    }

    public static void end(TimerContext ctx) throws InterruptedException {
        Events.emit("end", ctx, "begun");
        long millis = Long.getLong("slow." + ctx.name(), 3000);
        Thread.sleep(millis < 0 ? Long.MAX_VALUE : millis);
        Events.emit("end", ctx, "done");
    }
}
