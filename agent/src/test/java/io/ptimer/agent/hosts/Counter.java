package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;
import java.util.concurrent.atomic.AtomicLong;

/** Routes that only count, so that many cycles print nothing. */
public class Counter {
    public static final AtomicLong STARTS = new AtomicLong();
    public static final AtomicLong ENDS = new AtomicLong();
    private long loops;

    public void start(TimerContext ctx) {
        STARTS.incrementAndGet();
        ctx.vars().put("since", loops);
    }

    public void loop(TimerContext ctx) {
        loops++;
    }

    public void end(TimerContext ctx) {
        ENDS.incrementAndGet();
    }
}
