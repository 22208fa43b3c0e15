package io.ptimer.samples.sip;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.shaping.Shaper;

/**
 * The routes shared by the per-customer timers: each timer is named like the customer's From
 * domain and relays, every interval, its slice's share of the queue of that name
 * ({@code mq_fetch("$ptimer(name)")}). The start route, which Kamailio's example leaves out, stretches
 * the interval by the arrival margin as {@link SipQueueTimer} does.
 */
public class SipCustomerTimer {
    private Shaper shaper;

    public void start(TimerContext ctx) {
        shaper = SipQueueTimer.shaper(ctx, ctx.name(), SipQueueTimer.MARGIN);
    }

    public void loop(TimerContext ctx) {
        shaper.relay(ctx.tasks());
    }
}
