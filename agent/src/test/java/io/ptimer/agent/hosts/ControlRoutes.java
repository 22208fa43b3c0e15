package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;

/** Routes for the control ITs: each prints an event line and goes on forever. */
public class ControlRoutes {
    private int loops;

    public void start(TimerContext ctx) {
        Events.emit("start", ctx);
    }

    public void loop(TimerContext ctx) {
        Events.emit("loop", ctx, "n=" + ++loops);
    }

    public void end(TimerContext ctx) {
        Events.emit("end", ctx, "loops=" + loops);
    }
}
