package io.ptimer.samples.spring;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.Upstream;
import io.ptimer.samples.shaping.GlobalShaping;
import io.ptimer.samples.shaping.Shaper;

/**
 * The routes of {@code queue_timer} (Kamailio's {@code QUEUE_START} and {@code QUEUE_LOOP}), made by
 * the application context with the call queue and the carrier injected: one instance per worker,
 * whose shaper is that worker's state.
 */
public class QueueTimer {
    private final CallQueue callQueue;
    private final Upstream carrier;
    private Shaper shaper;

    public QueueTimer(CallQueue callQueue, Upstream carrier) {
        this.callQueue = callQueue;
        this.carrier = carrier;
    }

    public void start(TimerContext ctx) {
        ctx.slice(ctx.worker() * 10);
        shaper = new Shaper(callQueue, carrier, GlobalShaping.CARRIER, ctx);
    }

    public void loop(TimerContext ctx) {
        shaper.relay(ctx.tasks());
    }
}
