package io.ptimer.bench;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;
import javax.management.JMException;

/**
 * The routes of the agent's lateness runs. A sync timer's grid starts as its start route returns,
 * so start anchors the warm-up's grid there; loop records when each loop starts against the
 * engine's grid {@code t0 + k·interval} as {@link Lateness.Grid#FOLLOW} places it, re-anchored
 * where the engine re-anchors (at the end of a loop that overran), and ends the timer after the
 * last loop; end hands the result over.
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

    /** Hands the result over, with the engine's own view of the last loops as a cross-check. */
    public void end(TimerContext ctx) {
        Result result = lateness.result();
        try {
            Object[] p50p99 = Probe.timerAttributes(ctx.name(), "latenessP50Us", "latenessP99Us");
            if (p50p99 != null) {
                result = result.withEngine((Long) p50p99[0], (Long) p50p99[1]);
            }
        } catch (JMException | RuntimeException e) {
            System.err.println("bench: no lateness from the agent's MBean: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Probe.finish(result);
    }
}
