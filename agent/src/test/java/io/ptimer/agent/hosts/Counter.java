package io.ptimer.agent.hosts;

import io.ptimer.api.TimerContext;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The same routes with a deliberate leak: every end route keeps one small object (16 bytes, plus
     * its slot in a list), so that the heap growth check can show it catches one object per cycle.
     */
    public static class Leaky extends Counter {
        private static final List<Object> KEPT = new ArrayList<>();

        @Override
        public void end(TimerContext ctx) {
            KEPT.add(new Object());
            super.end(ctx);
        }
    }
}
