package io.ptimer.samples.shaping;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.Upstream;

/**
 * The routes of {@code queue_timer} (Kamailio's {@code QUEUE_START} and {@code QUEUE_LOOP}): each
 * of the 8 workers starts ten slices apart and, every 100 ms, relays its slice's share of
 * {@code call_queue} to the carrier. One instance per worker; its field is the worker's state.
 */
public class QueueTimer {
    private Shaper shaper;

    public void start(TimerContext ctx) {
        ctx.slice(ctx.worker() * 10);
        shaper = new Shaper(CallQueue.named("call_queue"), Upstream.named("carrier"), GlobalShaping.CARRIER, ctx);
    }

    public void loop(TimerContext ctx) {
        shaper.relay(ctx.tasks());
    }
}
