package io.ptimer.agent.hosts;

import io.ptimer.api.RtimerContext;
import io.ptimer.api.TimerContext;

/**
 * Routes for the live-settings IT: each loop prints {@code EV loop <timer> <worker> <ms> tasks=..
 * ntasks=.. nslices=.. slice=.. interval=<ms>ms}, each start its values too, each rtimer run
 * {@code RT run <timer> <worker> <ms> interval=<ms>ms}.
 */
public class SetRoutes {
    private static String values(TimerContext ctx) {
        return "tasks=" + ctx.tasks() + " ntasks=" + ctx.ntasks() + " nslices=" + ctx.nslices() + " slice="
                + ctx.slice() + " interval=" + ctx.interval().toMillis() + "ms";
    }

    public void start(TimerContext ctx) {
        Events.emit("start", ctx, values(ctx));
    }

    public void loop(TimerContext ctx) {
        Events.emit("loop", ctx, values(ctx));
    }

    public static void run(RtimerContext ctx) {
        Events.say(String.format("RT run %s %d %.3f interval=%dms", ctx.name(), ctx.worker(),
                (System.nanoTime() - Events.T0) / 1e6, ctx.interval().toMillis()));
    }
}
