package io.ptimer.samples.bench;

import io.ptimer.api.Route;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import io.ptimer.api.TimerContext;

/**
 * The routes of the agent's lateness runs. A sync timer's grid starts as its start route returns,
 * so start anchors the warm-up's grid there; loop records when each loop starts against the
 * engine's grid {@code t0 + k·interval} as {@link Lateness.Grid#FOLLOW} places it, re-anchored
 * where the engine re-anchors (at the end of a loop that overran), and ends the timer after the
 * last loop; end hands the result over.
 */
public final class AgentTick {
    /** How long the end route waits for the agent's MBeans, which appear once it has made the MBean server. */
    private static final long MBEAN_WAIT_NANOS = 5_000_000_000L;

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
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName timer = new ObjectName("io.ptimer:type=Timer,name=" + ctx.name());
            long until = System.nanoTime() + MBEAN_WAIT_NANOS;
            while (!server.isRegistered(timer) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            if (server.isRegistered(timer)) {
                result = result.withEngine((Long) server.getAttribute(timer, "latenessP50Us"),
                        (Long) server.getAttribute(timer, "latenessP99Us"));
            }
        } catch (JMException | RuntimeException e) {
            System.err.println("bench: no lateness from the agent's MBean: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Probe.finish(result);
    }
}
