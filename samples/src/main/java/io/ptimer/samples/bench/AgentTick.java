package io.ptimer.samples.bench;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;

/**
 * The routes of the agent's lateness runs. A sync timer's grid starts as its start route returns,
 * so start anchors the warm-up's grid there; the last warm-up loop re-synchronises with the engine's
 * grid ({@link Lateness.Grid#FOLLOW}); loop records when each loop starts against
 * {@code t0 + k·interval}, re-anchored where the engine re-anchors (at the end of a loop that
 * overran), and ends the timer after the last loop; end hands the result over.
 */
public final class AgentTick {
    private final Lateness lateness = Probe.lateness(Lateness.Grid.FOLLOW);

    public void start() {
        lateness.anchor(System.nanoTime());
    }

    public int loop(TimerContext ctx) {
        lateness.begin(System.nanoTime());
        if (lateness.done()) {
            return Route.END;
        }
        lateness.end(System.nanoTime());
        return Route.CONTINUE;
    }

    public void end() {
        Probe.finish(lateness.result());
    }
}
