package io.ptimer.bench;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;

/**
 * The routes of the agent's timer in the part {@code scale}, one sync timer with a worker per timer.
 * A worker's grid starts as its start route returns, so start sets the worker's first run due
 * then; loop stores when it starts in the worker's own row of {@link ScaleProbe#stamps} (no I/O, no
 * allocation), and ends the worker once the host stops the timers.
 */
public final class PtimerScaleTick {
    private static volatile boolean stopping;

    /** Ends every worker at its next loop. */
    static void stop() {
        stopping = true;
    }

    public void start(TimerContext ctx) {
        Stamps stamps = ScaleProbe.stamps();
        stamps.firstDue(ctx.worker(), System.nanoTime());
    }

    public int loop(TimerContext ctx) {
        long now = System.nanoTime();
        if (stopping) {
            return Route.END;
        }
        ScaleProbe.stamps().record(ctx.worker(), now);
        return Route.CONTINUE;
    }
}
