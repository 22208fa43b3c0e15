package io.ptimer.samples.sip;

import io.ptimer.api.TimerContext;
import io.ptimer.samples.calls.CallQueue;
import io.ptimer.samples.shaping.Shaper;
import java.time.Duration;

/**
 * The routes of the global shaping timer (Kamailio's {@code QUEUE_START} and {@code QUEUE_LOOP}):
 * each worker starts ten slices after the previous one and, every interval, relays its slice's
 * share of {@code call_queue} upstream. One instance per worker.
 */
public class SipQueueTimer {
    /**
     * The carrier counts INVITEs as they arrive, a varying few milliseconds after they were relayed;
     * over loopback on a busy 2-core machine one arrival lagged another by over 20 ms. So the start
     * route stretches the worker's interval by this margin per second (100 ms becomes 102.5 ms) and
     * the window guard counts each second's budget over 1 s plus it: no arrival window of 1 s holds
     * more than the budget, at the price of 2.5% of the rate. {@code -Dsip.margin.ms=N} changes it.
     */
    static final Duration MARGIN = Duration.ofMillis(Long.getLong("sip.margin.ms", 25));

    private Shaper shaper;

    public void start(TimerContext ctx) {
        ctx.slice(ctx.worker() * 10 % ctx.nslices());
        shaper = shaper(ctx, ShapedQueues.GLOBAL, MARGIN);
    }

    public void loop(TimerContext ctx) {
        shaper.relay(ctx.tasks());
    }

    /** {@code interval} stretched by {@code margin} per second. */
    static Duration stretched(Duration interval, Duration margin) {
        return interval.plus(interval.multipliedBy(margin.toMillis()).dividedBy(1000));
    }

    /** Stretches the worker's interval by {@code margin} per second and returns its shaper of {@code queue}. */
    static Shaper shaper(TimerContext ctx, String queue, Duration margin) {
        ctx.interval(stretched(ctx.interval(), margin));
        ShapedQueues.shape(queue);
        return Shaper.perSecond(CallQueue.named(queue), ctx, SuspendedCalls::resume, margin);
    }
}
