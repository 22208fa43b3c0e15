package io.ptimer.samples.shaping;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.calls.Upstream;

/**
 * The loop route shared by the customers' timers (Kamailio's {@code QUEUE_LOOP}): every 100 ms it
 * relays this slice's share of the queue named like the timer ({@code mq_fetch("$ptimer(name)")}).
 * As in Kamailio's example there is no start route; the worker's state is made on its first loop.
 */
public class CustomerQueue {
    private Shaper shaper;

    public void loop(TimerContext ctx) {
        if (shaper == null) {
            shaper = new Shaper(CallQueue.named(ctx.name()), Upstream.named(ctx.name()), CustomerShaping.CARRIER, ctx);
        }
        shaper.relay(ctx.tasks());
    }
}
