package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Instance routes: one instance per worker and cycle, shared by start, loop and end. Stops after
 * {@code jobs.loops} loops (default never) by returning -1.
 */
public class Jobs {
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final int id = INSTANCES.incrementAndGet();
    private int loops;

    public void start(TimerContext ctx) {
        ctx.vars().put("loops", 0);
        Events.emit("start", ctx, "instance=" + id, "vars=" + ctx.vars().size(), "pid=" + ctx.pid(),
                "type=" + ctx.type() + "/" + ctx.type().code(), "interval=" + ctx.interval().toMillis() + "ms",
                "nworkers=" + ctx.nworkers(), "ntasks=" + ctx.ntasks(), "tasks=" + ctx.tasks(),
                "nslices=" + ctx.nslices(), "slice=" + ctx.slice(), "slack=" + slack(ctx.pid()));
    }

    private static String slack(long tid) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + tid + "/timerslack_ns")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public int loop(TimerContext ctx) {
        loops++;
        ctx.vars().merge("loops", 1, (a, b) -> (Integer) a + (Integer) b);
        Events.emit("loop", ctx, "instance=" + id, "n=" + loops, "slice=" + ctx.slice(), "tasks=" + ctx.tasks());
        return loops >= Integer.getInteger("jobs.loops", Integer.MAX_VALUE) ? -1 : 1;
    }

    public void end(TimerContext ctx) {
        Events.emit("end", ctx, "instance=" + id, "loops=" + loops, "vars.loops=" + ctx.vars().get("loops"));
    }
}
