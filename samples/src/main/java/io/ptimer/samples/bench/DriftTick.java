package io.ptimer.samples.bench;

import io.ptimer.api.Route;
import io.ptimer.api.TimerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The routes of the drift part. Start notes the time as it returns, just before the engine starts
 * the grid; loop only stores when it starts and ends in {@link DriftStamps} and ends the timer after
 * the warm-up and recorded loops; end reads the timer's {@code skipped} from its MBean and hands the
 * figures over.
 */
public final class DriftTick {
    /** How long the end route waits for the agent's MBeans, which appear once it has made the MBean server. */
    private static final long MBEAN_WAIT_MILLIS = 5_000;

    private static final DriftStamps STAMPS = DriftStamps.fromProperties();

    public void start() {
        STAMPS.anchor(System.nanoTime());
    }

    public int loop() {
        long start = System.nanoTime();
        return STAMPS.store(start, System.nanoTime()) ? Route.CONTINUE : Route.END;
    }

    public void end(TimerContext ctx) {
        Result result = STAMPS.result();
        try {
            STAMPS.counts(engineSkipped(ctx.name())).write(Drift.Counts.file(Path.of(System.getProperty("bench.out"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Probe.finish(result);
        }
    }

    /** The MBean attribute {@code skipped} of the timer, or -1 when its MBean did not appear in time. */
    private static long engineSkipped(String timer) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("io.ptimer:type=Timer,name=" + timer);
            long until = System.currentTimeMillis() + MBEAN_WAIT_MILLIS;
            while (!server.isRegistered(name) && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            return server.isRegistered(name) ? (Long) server.getAttribute(name, "skipped") : -1;
        } catch (JMException | RuntimeException e) {
            System.err.println("bench: no skipped count from the agent's MBean: " + e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
