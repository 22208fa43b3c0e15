package io.ptimer.bench;

import io.ptimer.api.TimerContext;

/**
 * The routes of {@link ManyTimers}' agent timers, apart from its main so that the runs without the
 * agent never load the agent's API: one instance per worker cycle, made by the agent.
 */
public final class CustomerRoute {
    private int id = -1;
    private int loops;

    /** The loop route of timer {@code c<i>}: a time stamp against its own grid. */
    public void loop(TimerContext ctx) {
        if (id < 0) {
            String name = ctx.name();
            id = Integer.parseInt(name, 1, name.length(), 10);
        }
        ManyTimers.stamp(id);
    }

    /** The loop route of the timer that sleeps 50 ms every tenth loop. */
    public void sleep(TimerContext ctx) throws InterruptedException {
        if (++loops % 10 == 0) {
            Thread.sleep(50);
        }
    }
}
